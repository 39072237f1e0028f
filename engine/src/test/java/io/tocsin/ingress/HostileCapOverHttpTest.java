package io.tocsin.ingress;

import static io.tocsin.ingress.TestIngress.CITY_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CAP hostile set over HTTP with the real decoder and validator: each gets a 4xx with located reasons,
 * nothing reaches the engine, and a well-behaved publisher keeps being served meanwhile.
 */
@Timeout(90)
class HostileCapOverHttpTest {

    private TestIngress ingress;
    private GoodClient good;

    @BeforeEach
    void start() throws Exception {
        // 32 MB bodies so that the huge-polygon case reaches the decoder instead of stopping at 413.
        ingress = new TestIngress(ServerConfig.defaults().withLimits(32L << 20, 8192)
                .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(5)),
                new CapAlertParser());
        good = new GoodClient(ingress);
        await().atMost(Duration.ofSeconds(20)).until(() -> good.served.get() > 0 || good.failed.get() > 0);
    }

    @AfterEach
    void stop() throws Exception {
        good.close();
        ingress.close();
    }

    private HttpResponse<String> postXml(String body) throws Exception {
        return ingress.post("/api/v1/alerts", CITY_KEY, "application/cap+xml", body);
    }

    private HttpResponse<String> postXml(byte[] body) throws Exception {
        return ingress.client.send(java.net.http.HttpRequest.newBuilder(ingress.uri("/api/v1/alerts"))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + CITY_KEY)
                        .header("Content-Type", "application/cap+xml")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> codes(HttpResponse<String> r) throws Exception {
        JsonNode reasons = Json.MAPPER.readTree(r.body()).get("reasons");
        List<String> out = new ArrayList<>();
        reasons.forEach(n -> {
            assertThat(n.get("path").asText()).isNotEmpty();
            assertThat(n.get("message").asText()).isNotEmpty();
            out.add(n.get("code").asText());
        });
        return out;
    }

    private void servedMeanwhile(int before) {
        await().atMost(Duration.ofSeconds(20)).until(() -> good.served.get() >= before + 3);
        assertThat(good.failed.get()).as("good client: %s", good.lastFailure.get()).isZero();
        assertThat(ingress.intake.submissions).allMatch(s -> s.alert().identifier().startsWith("good-")
                || s.alert().identifier().startsWith("fine-"));
    }

    @Test
    void theDemoTyphoonAlertIsAcceptedAsCapXml() throws Exception {
        HttpResponse<String> r = postXml(CapSamples.typhoon("fine-1"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(ingress.intake.submissions).anySatisfy(s -> {
            assertThat(s.alert().identifier()).isEqualTo("fine-1");
            assertThat(s.alert().infos()).hasSize(2);
            assertThat(s.contentType()).isEqualTo("application/cap+xml");
        });
    }

    @Test
    void xxePayloadsFromTheCorpusAreRefusedWithoutResolvingAnything() throws Exception {
        Path shared = CapSamples.shared();
        Assumptions.assumeTrue(shared != null, "shared corpus not found (../shared or /work/shared): skipped");
        int before = good.served.get();
        for (String name : List.of("xee.cap", "xee.atom")) {
            Path file = shared.resolve("corpus/cap/google-cap-library/testdata/" + name);
            Assumptions.assumeTrue(Files.exists(file), file + " missing: skipped");
            HttpResponse<String> r = postXml(Files.readAllBytes(file));
            assertThat(r.statusCode()).as(name).isEqualTo(400);
            assertThat(codes(r)).as(name).containsAnyOf("XML_DOCTYPE", "XML_ENTITY");
        }
        servedMeanwhile(before);
    }

    @Test
    void billionLaughsIsRefused() throws Exception {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        dtd.append("]>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&lol9;</identifier></alert>");
        int before = good.served.get();

        HttpResponse<String> r = postXml(dtd.toString());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(codes(r)).containsAnyOf("XML_DOCTYPE", "XML_ENTITY");
        servedMeanwhile(before);
    }

    @Test
    void tenThousandDeepNestingIsRefused() throws Exception {
        String deep = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">" + "<x>".repeat(10_000)
                + "</x>".repeat(10_000) + "</alert>";
        int before = good.served.get();

        HttpResponse<String> r = postXml(deep);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(codes(r)).contains("XML_LIMIT");
        servedMeanwhile(before);
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String xml = CapSamples.typhoon("bad-utf8");
        int cut = xml.indexOf("<headline>") + "<headline>".length();
        body.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff, (byte) 0xfe});
        body.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> r = postXml(body.toByteArray());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(codes(r)).containsAnyOf("XML_ENCODING", "XML_MALFORMED");
    }

    @Test
    void aPolygonOverThePointLimitIsRefusedOffTheEventLoop() throws Exception {
        // 200,000 points (~4 MB): under the decoder's 16 MB size limit, over its 100,000-point polygon limit.
        String body = CapSamples.typhoonWithPolygon("huge-polygon", 200_000);
        int before = good.served.get();
        long start = System.nanoTime();

        HttpResponse<String> r = postXml(body);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(codes(r)).contains("CAP_POLYGON_TOO_LARGE");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        servedMeanwhile(before);
    }

    @Test
    void aMillionPointPolygonIsRefusedByItsSize() throws Exception {
        // ~21 MB: over the decoder's document limit here, and over the server's default 1 MB body limit.
        HttpResponse<String> r = postXml(CapSamples.typhoonWithPolygon("huge-polygon-2", 1_000_000));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(codes(r)).contains("CAP_TOO_LARGE");

        ingress.close();
        ingress = new TestIngress(ServerConfig.defaults(), new CapAlertParser());
        try (RawClient raw = new RawClient(ingress.server.port())) {
            raw.send("POST /api/v1/alerts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + CITY_KEY
                    + "\r\nContent-Type: application/cap+xml\r\nContent-Length: 21000000\r\n\r\n<alert>");
            assertThat(raw.read().status()).isEqualTo(413);
        }
    }

    @Test
    void malformedXmlIsRefusedWithALocatedReason() throws Exception {
        HttpResponse<String> r = postXml("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>x</alert>");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(codes(r)).contains("XML_MALFORMED");
    }

    @Test
    void aCapRuleViolationIsRefusedWithItsPath() throws Exception {
        String noSender = CapSamples.typhoon("fine-no-sender").replaceFirst("<sender>[^<]*</sender>", "");
        HttpResponse<String> r = postXml(noSender);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("/alert/sender");
    }
}
