package io.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tocsin.config.ConfigLoader;
import io.tocsin.config.TocsinConfig;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.security.KeyHash;
import io.tocsin.security.RegionShapes;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real engine (Chronicle journal, pipeline, ledger) behind the real HTTP server and CAP decoder. */
@Timeout(120)
class EngineHostTest {

    private static final String CITY = "city-publisher-key";
    private static final String TRAINEE = "trainee-publisher-key";
    private static final String DUTY = "duty-operator-key";
    private static final String SUPERVISOR = "supervisor-operator-key";
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private EngineHost host;
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private TocsinConfig config() {
        String yaml = """
                server: {port: 0, host: 127.0.0.1}
                journal: {dir: journal}
                publishers:
                  - {name: gz-city, keySha256: %s, scope: {regions: ["440100"]}}
                  - {name: gz-trainee, keySha256: %s, approval: ALWAYS, scope: {regions: ["440100"]}}
                operators:
                  - {name: duty, keySha256: %s}
                  - {name: supervisor, keySha256: %s}
                """.formatted(KeyHash.hexOf(CITY), KeyHash.hexOf(TRAINEE), KeyHash.hexOf(DUTY),
                KeyHash.hexOf(SUPERVISOR));
        return new ConfigLoader().parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test",
                dir);
    }

    private EngineHost start() throws Exception {
        return EngineHost.start(config(), FakeResolver.recipients(10), RegionShapes.NONE, Clock.systemUTC(),
                List.of());
    }

    private static String typhoon(String identifier) throws Exception {
        Path root = Path.of(System.getProperty("tocsin.root", "..")).toAbsolutePath().normalize();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        return Files.readString(root.resolve("config/demo/typhoon-red.xml"))
                .replaceFirst("<identifier>[^<]*</identifier>", "<identifier>" + identifier + "</identifier>")
                .replaceFirst("<sent>[^<]*</sent>", "<sent>" + CAP_TIME.format(now) + "</sent>")
                .replaceAll("<expires>[^<]*</expires>", "<expires>" + CAP_TIME.format(now.plusHours(12)) + "</expires>");
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/cap+xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String state(String id) throws Exception {
        HttpResponse<String> r = get("/api/v1/alerts/" + id, DUTY);
        return r.statusCode() == 200 ? JSON.readTree(r.body()).get("state").asText() : "HTTP " + r.statusCode();
    }

    @Test
    void aCapAlertIsAcknowledgedByTheJournalAndReadableBackAndADuplicateIsRecognised() throws Exception {
        host = start();
        String body = typhoon("engine-1");

        HttpResponse<String> first = post("/api/v1/alerts", CITY, body);
        HttpResponse<String> again = post("/api/v1/alerts", CITY, body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        JsonNode ack = JSON.readTree(first.body());
        String id = ack.get("id").asText();
        assertThat(ack.get("state").asText()).isNotBlank();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("id").asText()).isEqualTo(id);
        assertThat(JSON.readTree(again.body()).get("duplicate").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode view = JSON.readTree(get("/api/v1/alerts/" + id, DUTY).body());
            assertThat(view.get("identifier").asText()).isEqualTo("engine-1");
            assertThat(view.get("publisher").asText()).isEqualTo("gz-city");
            assertThat(view.get("timeline")).isNotEmpty();
        });
    }

    @Test
    void everyAcknowledgedAlertIsThereAfterARestart() throws Exception {
        host = start();
        List<String> ids = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bodies.add(typhoon("restart-" + i));
            HttpResponse<String> r = post("/api/v1/alerts", CITY, bodies.get(i));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            ids.add(JSON.readTree(r.body()).get("id").asText());
        }
        host.close();
        host = start();

        for (String id : ids) {
            await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/alerts/" + id, DUTY).statusCode() == 200);
        }
        // The same message again (same sender, identifier and sent) is recognised from the replayed journal.
        HttpResponse<String> resent = post("/api/v1/alerts", CITY, bodies.get(0));
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(resent.body()).get("id").asText()).isEqualTo(ids.get(0));
    }

    @Test
    void approvalByAnOperatorAndCancelOverHttp() throws Exception {
        host = start();
        HttpResponse<String> submitted = post("/api/v1/alerts", TRAINEE, typhoon("approve-1"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = JSON.readTree(submitted.body()).get("id").asText();
        assertThat(JSON.readTree(submitted.body()).get("state").asText()).isEqualTo("PENDING_APPROVAL");

        HttpResponse<String> approved = post("/api/v1/alerts/" + id + "/approve", SUPERVISOR, "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !state(id).equals("PENDING_APPROVAL"));

        HttpResponse<String> cancelled = post("/api/v1/alerts/" + id + "/cancel", DUTY, "");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> state(id).equals("CANCELLED"));

        HttpResponse<String> unknown = post("/api/v1/alerts/no-such-alert/cancel", DUTY, "");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void servesTheConsoleFeedMetricsAndEventStreamBesideTheApi() throws Exception {
        host = start();
        String base = "http://127.0.0.1:" + host.port();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/console/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("<html");
        HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        HttpResponse<String> feed = client.send(HttpRequest.newBuilder(URI.create(base + "/feed.atom")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).contains("<feed");
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("the event stream needs an operator").isEqualTo(401);
        // The event stream stays open past a response and delivers the hub's first frame to an operator.
        HttpResponse<java.io.InputStream> stream = client.send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/events")).header("Authorization", "Bearer " + DUTY).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        try (java.io.InputStream in = stream.body()) {
            byte[] first = in.readNBytes(8);
            assertThat(first).isNotEmpty();
        }
        // The API still answers on the same server.
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                .header("Authorization", "Bearer " + DUTY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
    }
}
