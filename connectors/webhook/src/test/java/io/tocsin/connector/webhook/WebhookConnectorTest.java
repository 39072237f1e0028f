package io.tocsin.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.cap.CapVersion;
import io.tocsin.cap.NamedValue;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.ReceiptSink;
import io.tocsin.connector.SendResult;
import io.tocsin.connector.Target;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class WebhookConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private volatile int failFirst;
    private volatile int failStatus = 503;
    private final List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            int n = hits.incrementAndGet();
            signatures.add(exchange.getRequestHeaders().getFirst(Signer.HEADER));
            bodies.add(exchange.getRequestBody().readAllBytes());
            int status = n <= failFirst ? failStatus : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void retriesTransientFailuresThenDeliversWithAValidSignature() throws Exception {
        failFirst = 2;
        WebhookConnector connector = connector("json", "[]");
        connector.start();

        assertThat(connector.offer(dispatch(7, "440106000000"))).isEqualTo(SendResult.ACCEPTED);

        await().atMost(Duration.ofSeconds(10)).until(() -> finalReceipt(7) != null);
        DeliveryReceipt done = finalReceipt(7);
        assertThat(done.state()).isEqualTo(DispatchState.DELIVERED);
        assertThat(done.units()).isEqualTo(1);
        assertThat(hits.get()).isEqualTo(3);
        String header = signatures.get(2);
        long t = Long.parseLong(header.substring(2, header.indexOf(',')));
        String expected = Signer.hex("s3cret".getBytes(), t, bodies.get(2));
        assertThat(header).endsWith(",v1=" + expected);
        JsonNode body = JSON.readTree(bodies.get(2));
        assertThat(body.path("identifier").asText()).isEqualTo("id-7");
        assertThat(connector.deadLettered()).isZero();
        connector.close();
    }

    @Test
    void xmlSubscribersReceiveCapTheyCanDecode() {
        WebhookConnector connector = connector("xml", "[\"4401\"]");
        connector.start();

        connector.offer(dispatch(13, "440106000000"));

        await().atMost(Duration.ofSeconds(10)).until(() -> finalReceipt(13) != null);
        assertThat(finalReceipt(13).state()).isEqualTo(DispatchState.DELIVERED);
        io.tocsin.cap.Decoded decoded = new io.tocsin.cap.CapDecoder().decodeXml(bodies.get(0));
        assertThat(decoded.ok()).as(decoded.reasons().toString()).isTrue();
        assertThat(decoded.alerts()).singleElement().satisfies(a -> {
            assertThat(a.identifier()).isEqualTo("id-13");
            assertThat(a.infos().get(0).headline()).isEqualTo("台风红色预警");
        });
        connector.close();
    }

    @Test
    void permanentRejectionIsDeadLetteredAndReportedFailed() throws Exception {
        failFirst = Integer.MAX_VALUE;
        failStatus = 400;
        WebhookConnector connector = connector("json", "[]");
        connector.start();

        connector.offer(dispatch(8, "440106000000"));

        await().atMost(Duration.ofSeconds(10)).until(() -> finalReceipt(8) != null);
        DeliveryReceipt done = finalReceipt(8);
        assertThat(done.state()).isEqualTo(DispatchState.FAILED);
        assertThat(done.failedUnits()).singleElement().asString().contains("HTTP 400");
        assertThat(hits.get()).as("4xx is not retried").isEqualTo(1);
        Path dead = temp.resolve("dead/hooks.jsonl");
        assertThat(Files.readString(dead)).contains("\"dispatchId\":8").contains("HTTP 400");
        connector.close();
    }

    @Test
    void givesUpAfterMaxAttemptsOnPersistentServerErrors() {
        failFirst = Integer.MAX_VALUE;
        WebhookConnector connector = connector("json", "[]");
        connector.start();

        connector.offer(dispatch(9, "440106000000"));

        await().atMost(Duration.ofSeconds(10)).until(() -> finalReceipt(9) != null);
        assertThat(finalReceipt(9).state()).isEqualTo(DispatchState.FAILED);
        assertThat(hits.get()).isEqualTo(3);
        assertThat(connector.deadLettered()).isEqualTo(1);
        connector.close();
    }

    @Test
    void endpointsOnlyReceiveTheirRegions() {
        WebhookConnector connector = connector("json", "[\"4401\"]");
        connector.start();

        connector.offer(dispatch(10, "310101000000"));

        await().atMost(Duration.ofSeconds(5)).until(() -> finalReceipt(10) != null);
        assertThat(finalReceipt(10).state()).isEqualTo(DispatchState.DELIVERED);
        assertThat(finalReceipt(10).units()).as("no subscriber for Shanghai").isZero();
        assertThat(hits.get()).isZero();
        connector.close();
    }

    @Test
    void backPressuresWhenTheInFlightLimitIsReached() {
        failFirst = Integer.MAX_VALUE;
        WebhookConnector connector = connector("json", "[]", "\"maxInFlight\": 1, \"initialBackoffMillis\": 5000,");
        connector.start();

        assertThat(connector.offer(dispatch(11, "440106000000"))).isEqualTo(SendResult.ACCEPTED);
        assertThat(connector.offer(dispatch(12, "440106000000"))).isEqualTo(SendResult.BACK_PRESSURED);
        connector.close();
    }

    @Test
    void rejectsBadSettingsWithTheSettingNamed() {
        ConnectorContext ctx = context("{\"endpoints\":[{\"name\":\"x\",\"url\":\"ftp://nope\"}]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WebhookConnectorFactory().create(ctx))
                .hasMessageContaining("settings.endpoints[0].url");
    }

    private DeliveryReceipt finalReceipt(long id) {
        return receipts.stream().filter(r -> r.dispatchId() == id && r.state().terminal()).findFirst().orElse(null);
    }

    private WebhookConnector connector(String format, String regions) {
        return connector(format, regions, "");
    }

    private WebhookConnector connector(String format, String regions, String extra) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        String settings = "{" + extra + "\"maxAttempts\": 3, \"initialBackoffMillis\": 20, \"timeoutMillis\": 2000,"
                + "\"deadLetterDir\": \"" + temp.resolve("dead") + "\","
                + "\"endpoints\": [{\"name\": \"city-app\", \"url\": \"" + url + "\", \"format\": \"" + format + "\","
                + "\"secret\": \"s3cret\", \"regions\": " + regions + "}]}";
        return (WebhookConnector) new WebhookConnectorFactory().create(context(settings));
    }

    private ConnectorContext context(String settings) {
        ReceiptSink sink = receipts::add;
        JsonNode node;
        try {
            node = JSON.readTree(settings);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        return ConnectorContext.of("hooks", node, sink, Clock.systemUTC());
    }

    private static Dispatch dispatch(long id, String geocode) {
        Area area = new Area("Tianhe", List.of(), List.of(), List.of(new NamedValue("CPEAS Geographic Code", geocode)),
                null, null);
        AlertInfo info = new AlertInfo("zh-CN", List.of("Met"), "台风", List.of(), "Immediate", "Extreme", "Observed",
                null, List.of(), null, null, null, null, "台风红色预警", null, null, null, null, List.of(), List.of(),
                List.of(area));
        Alert alert = new Alert(CapVersion.V1_2, "id-" + id, "gz-met", "2026-11-29T09:30:00+08:00", "Actual", "Alert",
                null, "Public", null, null, List.of(), null, null, null, List.of(info));
        return new Dispatch(id, "A-" + id, DispatchAction.SEND, alert,
                new Target(ChannelKind.WEBHOOK, "all", null, null, List.of(), List.of()),
                Instant.now().plusSeconds(3600), 0, null);
    }
}
