package io.tocsin.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tocsin.cli.EngineHost;
import io.tocsin.config.ConfigLoader;
import io.tocsin.config.ConnectorConfig;
import io.tocsin.config.TocsinConfig;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.ledger.TimelineEntry;
import io.tocsin.targeting.GeographyShapes;
import io.tocsin.targeting.Targeting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Shared wiring of the fault and overload campaigns: the demo's simulated peers ({@link DemoWorld}: three SMSCs,
 * three CBCs, playout, radio drops) and a real {@link EngineHost} (Netty ingress, Chronicle journal on disk)
 * pointed at some of them, plus an HTTP client that pushes unique copies of the demo's typhoon alert and reads
 * {@code /health}. A small generated directory (2,000 handsets) keeps every alert to a few hundred SMS.
 *
 * <p>Not thread-safe except {@link #post} (any thread). Close once: the engine, then the simulators.
 */
final class FaultRig implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CAP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis() % 1_000_000);
    private static Targeting targeting;

    final Path data;
    final DemoWorld world;
    final List<ConnectorConfig> connectors;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final TocsinConfig config;
    private final byte[] template;
    EngineHost host;

    private FaultRig(Path data, DemoWorld world, List<ConnectorConfig> connectors, TocsinConfig config)
            throws IOException {
        this.data = data;
        this.world = world;
        this.connectors = connectors;
        this.config = config;
        this.template = java.nio.file.Files.readAllBytes(root().resolve("config/demo/typhoon-red.xml"));
    }

    static Path root() {
        return Path.of(System.getProperty("tocsin.root", "..")).toAbsolutePath().normalize();
    }

    /** The demo geography with a small generated directory and cell set, built once per test JVM. */
    static synchronized Targeting targeting() throws IOException {
        if (targeting == null) {
            targeting = Targeting.demo(root().resolve("config/geo"), 2_000, 60, 20261129L);
        }
        return targeting;
    }

    /**
     * Starts the demo's peers and an engine using only the connectors of {@code kinds} (e.g. "SMS"), after
     * {@code tune} has adjusted the configuration (journal directory, server limits).
     */
    static FaultRig start(Path data, Set<String> kinds, UnaryOperator<TocsinConfig> tune) throws Exception {
        DemoWorld world = DemoWorld.start(targeting(), data, 0);
        try {
            List<ConnectorConfig> chosen = new ArrayList<>();
            for (ConnectorConfig c : world.connectors) {
                if (kinds.contains(c.kind())) {
                    chosen.add(c);
                }
            }
            TocsinConfig config = new ConfigLoader().load(root().resolve("config/demo.yaml"));
            config = config.withServer(config.server().withPort(0)).withBaseDir(data);
            config = tune.apply(config.withConnectors(chosen));
            FaultRig rig = new FaultRig(data, world, chosen, config);
            rig.startEngine();
            return rig;
        } catch (Exception | Error e) {
            world.close();
            throw e;
        }
    }

    /** The SMPP connectors' settings, for tests that shorten timeouts before the engine starts. */
    static void smppSettings(List<ConnectorConfig> connectors, Map<String, Object> values) {
        for (ConnectorConfig c : connectors) {
            if (c.type().equals("smpp")) {
                values.forEach((k, v) -> ((com.fasterxml.jackson.databind.node.ObjectNode) c.settings())
                        .set(k, JSON.valueToTree(v)));
            }
        }
    }

    void startEngine() throws InterruptedException {
        host = EngineHost.start(config, targeting.resolver(), new GeographyShapes(targeting.geography()),
                Clock.systemUTC(), List.of());
    }

    /** Stops the engine (as an operator would) and starts it again on the same journal. */
    void restart() throws InterruptedException {
        host.close();
        startEngine();
    }

    String base() {
        return "http://127.0.0.1:" + host.port();
    }

    /** A fresh copy of the demo typhoon alert: unique identifier, sent now, expires in {@code life}. */
    byte[] alert(Duration life) {
        String xml = new String(template, StandardCharsets.UTF_8);
        ZonedDateTime sent = ZonedDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        String expires = CAP.format(sent.plus(life));
        xml = xml.replaceAll("<sent>[^<]*</sent>", "<sent>" + CAP.format(sent) + "</sent>")
                .replaceAll("<expires>[^<]*</expires>", "<expires>" + expires + "</expires>")
                .replaceAll("<identifier>[^<]*</identifier>",
                        "<identifier>TOCSIN-FAULT-" + SERIAL.incrementAndGet() + "</identifier>");
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    HttpResponse<String> post(byte[] cap) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/alerts"))
                    .header("Authorization", "Bearer " + DemoCommand.CITY_KEY)
                    .header("Content-Type", "application/cap+xml").timeout(Duration.ofSeconds(15))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(cap)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Pushes a new alert; returns its id, failing unless the engine answered 202 promptly. */
    String submit() {
        long t0 = System.nanoTime();
        HttpResponse<String> r = post(alert(Duration.ofHours(1)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (r.statusCode() != 202) {
            throw new AssertionError("expected 202, got " + r.statusCode() + " " + r.body());
        }
        if (ms > 5_000) {
            throw new AssertionError("202 took " + ms + " ms");
        }
        return id(r);
    }

    /**
     * A normal alert as a well-behaved client sends it: while the engine answers 429/503 with Retry-After (e.g.
     * the connections of a flood just ended are not all closed yet), it tries again, up to {@code within}.
     */
    String submitRetrying(Duration within) {
        java.util.concurrent.atomic.AtomicReference<String> id = new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await("a 202 for a normal alert").atMost(within)
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    HttpResponse<String> r = post(alert(Duration.ofHours(1)));
                    if (r.statusCode() == 202) {
                        id.set(id(r));
                        return true;
                    }
                    if ((r.statusCode() == 503 || r.statusCode() == 429)
                            && r.headers().firstValue("Retry-After").isPresent()) {
                        return false;
                    }
                    throw new AssertionError("expected 202, or 429/503 with Retry-After; got " + r.statusCode() + " "
                            + r.body());
                });
        return id.get();
    }

    static String id(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body()).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode health() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(r.body());
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("httpStatus", r.statusCode());
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status /health gives a connector ("UP", "DEGRADED", "DOWN"). */
    String connectorStatus(String connector) {
        return health().path("connectors").path(connector).path("status").asText();
    }

    AlertView view(String id) {
        return host.engine().ledger().alert(id).orElse(null);
    }

    /** Every dispatch of the channel has a final outcome (ACCEPTED counts as final when {@code acceptedFinal}). */
    boolean settled(String id, String channel, boolean acceptedFinal) {
        AlertView v = view(id);
        if (v == null || v.channels().get(channel) == null) {
            return false;
        }
        ChannelCounters c = v.channels().get(channel);
        long done = c.delivered() + c.failed() + c.expired() + c.cancelled() + c.unknown()
                + (acceptedFinal ? c.accepted() : 0);
        return c.planned() > 0 && done == c.planned()
                && (v.state() == AlertState.DONE || v.state() == AlertState.DISPATCHING);
    }

    /** What the engine says about an alert and its connectors, for a test's failure message. */
    String explain(String id) {
        AlertView v = view(id);
        if (v == null) {
            return "alert " + id + " is not in the ledger; health: " + health();
        }
        List<TimelineEntry> t = v.timeline();
        return "alert " + id + " is " + v.state() + ", channels " + v.channels() + "; last timeline entries "
                + t.subList(Math.max(0, t.size() - 12), t.size()) + "; health: " + health();
    }

    ChannelCounters counters(String id, String channel) {
        return view(id).channels().get(channel);
    }

    /** SMS messages the three simulated carriers accepted so far. */
    long smscMessages() {
        return world.smscs.values().stream().mapToLong(s -> s.inbox().messages()).sum();
    }

    @Override
    public void close() {
        try {
            if (host != null) {
                host.close();
            }
        } finally {
            world.close();
        }
    }
}
