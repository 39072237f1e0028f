package io.tocsin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tocsin.config.ServerConfig;
import io.tocsin.ingress.AlertApi;
import io.tocsin.ingress.IngressServer;
import io.tocsin.ingress.Router;
import io.tocsin.security.ApprovalPolicy;
import io.tocsin.security.KeyHash;
import io.tocsin.security.KeyRing;
import io.tocsin.security.Operator;
import io.tocsin.security.OperatorRole;
import io.tocsin.security.Publisher;
import io.tocsin.security.PublisherScope;
import io.tocsin.security.RegionShapes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The console's routes mounted on the real ingress server (router, keys, CAP parser), over a simulated engine. */
@Timeout(90)
class ConsoleOverIngressTest {

    static final String OPERATOR = "op-key-0123456789abcdef";
    static final String PUBLISHER = "pub-key-0123456789abcdef";

    @Test
    void pageStreamFeedCapAndMetricsAreServedByTheEngineServer() throws Exception {
        Path root = Path.of(System.getProperty("tocsin.root", ".."));
        Path sample = root.resolve("config/demo/typhoon-red.xml");
        Path regions = root.resolve("config/geo/guangzhou-districts.geojson");
        assumeTrue(Files.exists(sample) && Files.exists(regions), "config/demo sample or config/geo missing");
        KeyRing keys = KeyRing.of(
                List.of(new KeyRing.KeyedPublisher(KeyHash.ofKey(PUBLISHER),
                        new Publisher("gz-met", PublisherScope.unrestricted(), ApprovalPolicy.NEVER))),
                List.of(new KeyRing.KeyedOperator(KeyHash.ofKey(OPERATOR),
                        new Operator("duty-officer", Set.of(OperatorRole.values())))));
        SimulatedEngine engine = new SimulatedEngine(Clock.systemUTC());
        ServerConfig config = ServerConfig.defaults().withPort(0);
        try (ConsoleWiring console = ConsoleWiring.create(keys, regions, Clock.systemUTC())) {
            Router router = new AlertApi(keys, engine, engine, console.parser(), RegionShapes.NONE, Clock.systemUTC(),
                    config).router();
            console.routes().forEach(router::add);
            try (IngressServer server = new IngressServer(config.withPort(0), router).start()) {
                String base = "http://127.0.0.1:" + server.port();
                // A ledger that keeps no submissions (like the engine's): the console uses what ingress parsed.
                console.bind(new io.tocsin.ledger.LedgerView() {
                    @Override
                    public List<io.tocsin.ledger.AlertView> alerts() {
                        return engine.alerts();
                    }

                    @Override
                    public java.util.Optional<io.tocsin.ledger.AlertView> alert(String id) {
                        return engine.alert(id);
                    }
                }, base);
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

                HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                        .header("Authorization", "Bearer " + PUBLISHER).header("Content-Type", "application/cap+xml")
                        .POST(HttpRequest.BodyPublishers.ofFile(sample)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

                HttpResponse<String> page = http.send(get(base + "/console/"), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
                assertThat(http.send(get(base + "/"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);

                HttpResponse<String> noKey = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(noKey.statusCode()).isEqualTo(401);
                HttpResponse<String> publisherKey = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                        .header("Authorization", "Bearer " + PUBLISHER).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(publisherKey.statusCode()).isEqualTo(403);
                String session = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                        .header("Authorization", "Bearer " + OPERATOR).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                String token = session.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
                assertThat(http.send(get(base + "/api/v1/events?token=bad"), HttpResponse.BodyHandlers.ofString())
                        .statusCode()).isEqualTo(401);

                HttpResponse<Stream<String>> stream = http.send(get(base + "/api/v1/events?token=" + token),
                        HttpResponse.BodyHandlers.ofLines());
                assertThat(stream.statusCode()).isEqualTo(200);
                Iterator<String> lines = stream.body().iterator();
                List<String> seen = new ArrayList<>();
                while (seen.stream().noneMatch(l -> l.startsWith("data: {\"alerts\":["))) {
                    seen.add(lines.next());
                }
                assertThat(String.join("\n", seen)).contains("\"colour\":\"red\"")
                        .contains("\"regions\":[\"440115\",\"440113\",\"440105\",\"440112\"]")
                        .contains("\"headlineEn\":\"Red typhoon warning for Guangzhou\"");
                engine.tick();
                while (!seen.get(seen.size() - 1).startsWith("data: {\"id\":\"A1\"")) {
                    seen.add(lines.next());
                }
                stream.body().close();

                String feed = http.send(get(base + "/feed.atom"), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(feed).contains("<id>" + base + "/api/v1/alerts/A1/cap</id>").contains("台风红色预警");
                AtomFeedTest.parse(feed);
                HttpResponse<String> cap = http.send(get(base + "/api/v1/alerts/A1/cap"), HttpResponse.BodyHandlers.ofString());
                assertThat(cap.statusCode()).isEqualTo(200);
                assertThat(cap.body()).contains("<identifier>44010041600000_20261129093000_1</identifier>");
                assertThat(http.send(get(base + "/metrics"), HttpResponse.BodyHandlers.ofString()).body())
                        .contains("tocsin_ingest_bodies_total{application=\"tocsin\",result=\"valid\"} 1.0")
                        .contains("tocsin_alerts{application=\"tocsin\",state=\"DISPATCHING\"} 1.0")
                        .contains("tocsin_console_sse_clients");
                assertThat(http.send(get(base + "/api/v1/geography"), HttpResponse.BodyHandlers.ofString()).body())
                        .contains("\"code\":\"440106\"").contains("\"population\":2241826");
            }
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build();
    }
}
