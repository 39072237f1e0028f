package io.tocsin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tocsin.cli.EngineHost;
import io.tocsin.config.ConfigLoader;
import io.tocsin.config.JournalConfig;
import io.tocsin.config.ServerConfig;
import io.tocsin.config.TocsinConfig;
import io.tocsin.ingress.IngressServer;
import io.tocsin.ingress.Router;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.TimelineEntry;
import io.tocsin.security.KeyRing;
import io.tocsin.targeting.GeographyShapes;
import io.tocsin.targeting.Targeting;
import io.tocsin.targeting.coverage.Coverage;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console as the engine serves it: {@link EngineHost} (real journal, pipeline and ledger; demo keys and
 * Guangzhou geography; no connectors) mounts {@link ConsoleRoutes} on its HTTP server. Browser behaviour is
 * tested in the dist module against every connector and simulator.
 */
@Timeout(90)
class ConsoleRoutesTest {

    static final String OPERATOR = "demo-operator-duty";
    static final String PUBLISHER = "demo-gz-city-observatory";
    static final String DRILL = "demo-gz-drill-office";

    @TempDir
    Path data;

    private EngineHost host;
    private Targeting targeting;
    private String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        Path root = Path.of(System.getProperty("tocsin.root", "..")).toAbsolutePath().normalize();
        assumeTrue(Files.exists(root.resolve("config/demo.yaml")), "config/demo.yaml missing");
        TocsinConfig config = new ConfigLoader().load(root.resolve("config/demo.yaml"));
        config = config.withServer(config.server().withPort(0)).withConnectors(List.of())
                .withJournal(new JournalConfig(data.resolve("journal").toString(), false));
        targeting = Targeting.demo(root.resolve("config/geo"), 5_000, 100, 20261129L);
        host = EngineHost.start(config, targeting.resolver(), new GeographyShapes(targeting.geography()),
                Clock.systemUTC(), List.of());
        base = "http://127.0.0.1:" + host.port();
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void servesThePageWithAStrictContentSecurityPolicyAndRefusesPathTricks() throws Exception {
        HttpResponse<String> root = get("/", null);
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).contains("/console/");
        HttpResponse<String> page = get("/console/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"console.js\"").doesNotContain("http://", "https://");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        assertThat(get("/console/console.js", null).body()).contains("EventSource");
        assertThat(get("/console/..%2F..%2Fpom.xml", null).statusCode()).isEqualTo(404);
        assertThat(get("/console/nothing.html", null).statusCode()).isEqualTo(404);
    }

    @Test
    void eventStreamNeedsAnOperatorAndStartsWithASnapshotThenSendsChanges() throws Exception {
        String first = submit(PUBLISHER, Fixtures.capXml("console-test-1", "Actual", "Public"));
        assertThat(get("/api/v1/events", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/events?token=forged", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/session", "wrong-key").statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/session", PUBLISHER).statusCode()).as("publishers are not operators").isIn(401, 403);
        HttpResponse<String> session = post("/api/v1/session", OPERATOR);
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(session.body()).contains("\"operator\":\"duty-officer\"");
        String token = session.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                URI.create(base + "/api/v1/events?token=" + token)).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/event-stream"));
        Iterator<String> lines = stream.body().iterator();
        List<String> seen = new ArrayList<>();
        while (seen.stream().noneMatch(l -> l.startsWith("data: {\"alerts\":["))) {
            seen.add(lines.next());
        }
        assertThat(seen).contains("event: snapshot");
        assertThat(String.join("\n", seen)).contains("\"id\":\"" + first + "\"").contains("\"regions\":[\"440106\"]")
                .contains("\"colour\":\"red\"");

        String second = submit(DRILL, Fixtures.capXml("console-test-2", "Exercise", "Public"));
        while (!(seen.get(seen.size() - 1).startsWith("data: {\"id\":\"" + second + "\"")
                && seen.get(seen.size() - 1).contains("\"status\":\"Exercise\""))) {
            seen.add(lines.next());
        }
        assertThat(seen.get(seen.size() - 2)).isEqualTo("event: alert");
        stream.body().close();
        await().atMost(Duration.ofSeconds(10)).until(() -> host.console().events().clients() == 0);
    }

    @Test
    void feedCapMetricsGeographyAndCoverageAreServed() throws Exception {
        String actual = submit(PUBLISHER, Fixtures.capXml("console-test-1", "Actual", "Public"));
        String exercise = submit(DRILL, Fixtures.capXml("console-test-2", "Exercise", "Public"));
        await().atMost(Duration.ofSeconds(20)).until(() -> host.engine().ledger().alert(exercise).isPresent());

        HttpResponse<String> feed = get("/feed.atom", null);
        assertThat(feed.headers().firstValue("Content-Type")).contains("application/atom+xml; charset=utf-8");
        assertThat(feed.body()).contains("/api/v1/alerts/" + actual + "/cap</id>")
                .doesNotContain("/api/v1/alerts/" + exercise + "/cap");
        AtomFeedTest.parse(feed.body());

        HttpResponse<String> cap = get("/api/v1/alerts/" + actual + "/cap", null);
        assertThat(cap.statusCode()).isEqualTo(200);
        assertThat(cap.headers().firstValue("Content-Type")).contains("application/cap+xml; charset=utf-8");
        assertThat(cap.body()).startsWith("<?xml").contains("<identifier>console-test-1</identifier>");
        assertThat(get("/api/v1/alerts/" + exercise + "/cap", null).statusCode()).as("not public").isEqualTo(404);
        assertThat(get("/api/v1/alerts/" + exercise + "/cap", OPERATOR).statusCode()).isEqualTo(200);

        String prom = get("/metrics", null).body();
        assertThat(prom).contains("tocsin_ingest_bodies_total{application=\"tocsin\",result=\"valid\"} 2.0")
                .contains("tocsin_console_sse_clients").contains("tocsin_journal_records")
                .contains("tocsin_alerts{application=\"tocsin\",state=");

        String geo = get("/api/v1/geography", null).body();
        assertThat(geo).startsWith("{\"bbox\":").contains("\"code\":\"440106\"");

        assertThat(get("/api/v1/alerts/" + actual + "/coverage", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/alerts/nope/coverage", OPERATOR).statusCode()).isEqualTo(404);
        HttpResponse<String> coverage = get("/api/v1/alerts/" + actual + "/coverage", OPERATOR);
        assertThat(coverage.statusCode()).as(coverage.body()).isEqualTo(200);
        // The overlay is targeting's coverage estimate of the alert's area (Tianhe), cell for cell.
        Coverage expected = targeting.coverage(0,
                Fixtures.submission("console-test-1", "Actual", "Public").alert().infos().get(0).areas());
        com.fasterxml.jackson.databind.JsonNode doc = ConsoleJson.MAPPER.readTree(coverage.body());
        assertThat(expected.population()).isPositive();
        assertThat(doc.path("population").asLong()).isEqualTo(expected.population());
        assertThat(doc.path("blindSpotPeople").asLong()).isEqualTo(expected.reachedByNone());
        assertThat(doc.path("blindCells").size()).isEqualTo(Math.min(3000, expected.blindSpots().size()));
        assertThat(doc.path("regions").get(0).path("code").asText()).isEqualTo("440106");
    }

    @Test
    void clientThatStopsReadingIsDroppedAndTheHubKeepsGoing() throws Exception {
        MutableLedger ledger = new MutableLedger();
        OperatorAuthenticator operators = key -> OPERATOR.equals(key) ? Optional.of("duty") : Optional.empty();
        try (Console console = new Console(ledger, new Metrics(), operators, Geography.empty(), Clock.systemUTC(),
                null);
             IngressServer server = new IngressServer(ServerConfig.defaults().withPort(0),
                     new Router(KeyRing.of(List.of(), List.of())), console.routes()).start();
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setReceiveBufferSize(4096);
            String token = post("http://127.0.0.1:" + server.port(), "/api/v1/session", OPERATOR).body()
                    .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/events?token=" + token + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            assertThat(in.readNBytes(head, 0, 12)).isEqualTo(12);
            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                console.events().poll();
                return console.events().clients() == 1;
            });

            List<TimelineEntry> longTimeline = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                longTimeline.add(new TimelineEntry(Fixtures.T0, "SUBMITTED", "batch " + i + " to smsc-a"));
            }
            long started = System.nanoTime();
            int polls = 0;
            while (console.events().clients() > 0 && polls < 20_000) {
                AlertView v = Fixtures.view("big", "Actual", AlertState.DISPATCHING, 1_000_000, polls, null);
                ledger.put(new AlertView(v.id(), v.sender(), v.identifier(), v.sent(), v.status(), v.msgType(),
                        v.event(), v.headline(), v.severity(), v.urgency(), v.publisher(), v.state(), v.receivedAt(),
                        v.expires(), v.channels(), longTimeline));
                console.events().poll();
                polls++;
            }
            assertThat(console.events().clients()).as("dropped after %d polls", polls).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
    }

    private String submit(String key, String xml) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/cap+xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return r.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String key) throws Exception {
        return post(base, path, key);
    }

    private HttpResponse<String> post(String server, String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server + path)).header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
