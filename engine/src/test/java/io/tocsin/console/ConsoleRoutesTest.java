package io.tocsin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.TimelineEntry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ConsoleRoutesTest {

    private final SimulatedEngine engine = new SimulatedEngine(Clock.systemUTC());
    private final Metrics metrics = new Metrics();
    private Console console;
    private ConsoleTestServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        Geography geo = Files.exists(GeographyTest.corpusGeo()) ? Geography.load(GeographyTest.corpusGeo(), 0.003)
                : Geography.empty();
        console = new Console(engine, metrics, ConsoleTestServer.operators(), geo, Clock.systemUTC(), null);
        server = new ConsoleTestServer(engine, console);
    }

    @AfterEach
    void stop() {
        server.close();
        console.close();
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
    void eventStreamNeedsAnOperatorAndStartsWithASnapshot() throws Exception {
        submit("Actual", "1");
        assertThat(get("/api/v1/events", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/events?token=forged", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/session", "wrong-key").statusCode()).isEqualTo(401);
        HttpResponse<String> session = post("/api/v1/session", ConsoleTestServer.OPERATOR_KEY);
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.headers().firstValue("Cache-Control")).contains("no-store");
        String token = session.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(session.body()).contains("\"operator\":\"duty-officer\"");

        console.start();
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/api/v1/events?token=" + token)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/event-stream"));
        Iterator<String> lines = stream.body().iterator();
        List<String> seen = new ArrayList<>();
        while (seen.stream().noneMatch(l -> l.startsWith("data: {\"alerts\":["))) {
            seen.add(lines.next());
        }
        assertThat(seen).contains("event: snapshot");
        assertThat(String.join("\n", seen)).contains("\"id\":\"A1\"").contains("\"regions\":[\"440106\"]");

        engine.tick();
        while (!seen.get(seen.size() - 1).startsWith("data: {\"id\":\"A1\"")) {
            seen.add(lines.next());
        }
        assertThat(seen.get(seen.size() - 2)).isEqualTo("event: alert");
        stream.body().close();
        await().atMost(Duration.ofSeconds(10)).until(() -> console.events().clients() == 0);
    }

    @Test
    void feedMetricsGeographyAndCapAreServed() throws Exception {
        submit("Actual", "1");
        submit("Exercise", "2");
        metrics.ingest("accepted");

        HttpResponse<String> feed = get("/feed.atom", null);
        assertThat(feed.headers().firstValue("Content-Type")).contains("application/atom+xml; charset=utf-8");
        assertThat(feed.body()).contains("<id>" + server.baseUrl() + "/api/v1/alerts/A1/cap</id>")
                .doesNotContain("/api/v1/alerts/A2/cap");
        AtomFeedTest.parse(feed.body());

        HttpResponse<String> cap = get("/api/v1/alerts/A1/cap", null);
        assertThat(cap.statusCode()).isEqualTo(200);
        assertThat(cap.headers().firstValue("Content-Type")).contains("application/cap+xml; charset=utf-8");
        assertThat(cap.body()).startsWith("<?xml").contains("<identifier>console-test-1</identifier>");
        assertThat(get("/api/v1/alerts/A2/cap", null).statusCode()).as("exercise is not public").isEqualTo(404);
        assertThat(get("/api/v1/alerts/A2/cap", ConsoleTestServer.OPERATOR_KEY).statusCode()).isEqualTo(200);

        HttpResponse<String> prom = get("/metrics", null);
        assertThat(prom.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
        assertThat(prom.body()).contains("tocsin_ingest_total{application=\"tocsin\",outcome=\"accepted\"} 1.0")
                .contains("tocsin_console_sse_clients");

        HttpResponse<String> geo = get("/api/v1/geography", null);
        assertThat(geo.statusCode()).isEqualTo(200);
        assertThat(geo.body()).startsWith("{\"bbox\":");
    }

    @Test
    void clientThatStopsReadingIsDroppedAndTheHubKeepsGoing() throws Exception {
        String token = post("/api/v1/session", ConsoleTestServer.OPERATOR_KEY).body()
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        MutableLedger ledger = new MutableLedger();
        try (Console slowConsole = new Console(ledger, new Metrics(), ConsoleTestServer.operators(), Geography.empty(),
                Clock.systemUTC(), null);
             ConsoleTestServer slowServer = new ConsoleTestServer(engine, slowConsole);
             Socket socket = new Socket("127.0.0.1", slowServer.port())) {
            socket.setReceiveBufferSize(4096);
            String sessionToken = post(slowServer.baseUrl(), "/api/v1/session", ConsoleTestServer.OPERATOR_KEY).body()
                    .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/events?token=" + sessionToken + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            assertThat(in.readNBytes(head, 0, 12)).isEqualTo(12);
            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                slowConsole.events().poll();
                return slowConsole.events().clients() == 1;
            });

            List<TimelineEntry> longTimeline = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                longTimeline.add(new TimelineEntry(Fixtures.T0, "SUBMITTED", "batch " + i + " to smsc-a"));
            }
            long started = System.nanoTime();
            int polls = 0;
            while (slowConsole.events().clients() > 0 && polls < 20_000) {
                AlertView v = Fixtures.view("big", "Actual", AlertState.DISPATCHING, 1_000_000, polls, null);
                ledger.put(new AlertView(v.id(), v.sender(), v.identifier(), v.sent(), v.status(), v.msgType(),
                        v.event(), v.headline(), v.severity(), v.urgency(), v.publisher(), v.state(), v.receivedAt(),
                        v.expires(), v.channels(), longTimeline));
                slowConsole.events().poll();
                polls++;
            }
            assertThat(slowConsole.events().clients()).as("dropped after %d polls", polls).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
        assertThat(token).isNotBlank();
    }

    private void submit(String status, String n) throws Exception {
        String xml = Fixtures.capXml("console-test-" + n, status, "Public");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/alerts"))
                .header("Authorization", "Bearer " + ConsoleTestServer.PUBLISHER_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(202);
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String key) throws Exception {
        return post(server.baseUrl(), path, key);
    }

    private HttpResponse<String> post(String base, String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
