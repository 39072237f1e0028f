package io.tocsin.console;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.tocsin.config.TocsinConfig;
import io.tocsin.ingress.AlertParser;
import io.tocsin.ingress.CapAlertParser;
import io.tocsin.ingress.Route;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.pipeline.ConnectorStats;
import io.tocsin.pipeline.Engine;
import io.tocsin.pipeline.EngineMetrics;
import io.tocsin.security.Caller;
import io.tocsin.security.KeyRing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Puts the console into a running engine. Routes must exist before the HTTP server starts and the engine
 * only exists inside {@code EngineHost.start}, so it goes in two steps:
 *
 * <pre>
 * ConsoleWiring console = ConsoleWiring.create(config, Clock.systemUTC());
 * EngineHost host = EngineHost.start(config, resolver, shapes, clock, console.routes(), console.parser());
 * console.bind(host.engine(), "http://127.0.0.1:" + host.port());
 * ...
 * host.close(); console.close();
 * </pre>
 *
 * Operators are the configuration's (their keys, hashed, via {@link KeyRing}); the map's regions are the
 * configured {@code geography.regions} GeoJSON. {@link #bind} registers the engine's gauges (journal, rings,
 * per-connector queues and counts, dispatches by channel and state) in {@link #metrics()}. Thread-safe.
 */
public final class ConsoleWiring implements AutoCloseable {

    private final ConsoleLedger ledger = new ConsoleLedger(10_000);
    private final Metrics metrics = new Metrics();
    private final Console console;
    private final ConsoleApi api;
    private final RecordingParser parser;

    private ConsoleWiring(KeyRing keys, Geography geography, Clock clock) {
        OperatorAuthenticator operators = key -> keys.authenticate(key).filter(Caller::isOperator).map(Caller::name);
        this.console = new Console(ledger, metrics, operators, geography, clock, null);
        this.api = new ConsoleApi(ledger, console.events(), new AtomFeed(ledger, clock, "Tocsin active public alerts"),
                metrics, geography, new SessionTokens(clock), operators, null);
        this.parser = new RecordingParser(new CapAlertParser(), ledger, metrics);
    }

    public static ConsoleWiring create(TocsinConfig config, Clock clock) {
        Geography geography = Geography.empty();
        String regions = config.geography() == null ? null : config.geography().regions();
        if (regions != null) {
            try {
                geography = Geography.load(config.resolve(regions), 0.002);
            } catch (IOException e) {
                throw new UncheckedIOException("console: cannot read regions " + regions, e);
            }
        }
        return new ConsoleWiring(KeyRing.fromConfig(config), geography, clock);
    }

    /** For tests and embedders with their own key ring and geography. */
    public static ConsoleWiring create(KeyRing keys, Path regions, Clock clock) throws IOException {
        return new ConsoleWiring(keys, regions == null ? Geography.empty() : Geography.load(regions, 0.002), clock);
    }

    public List<Route> routes() {
        return api.routes();
    }

    public AlertParser parser() {
        return parser;
    }

    public Metrics metrics() {
        return metrics;
    }

    public EventHub events() {
        return console.events();
    }

    /** Binds the running engine: ledger, gauges, feed base URL; starts the event hub. */
    public void bind(Engine engine, String publicBaseUrl) {
        bind(engine.ledger(), publicBaseUrl);
        engineGauges(metrics, engine);
    }

    /** Registers the engine's gauges (journal, rings, per-connector queues and counts) in {@code metrics}. */
    public static void engineGauges(Metrics metrics, Engine engine) {
        gauge(metrics, "tocsin.journal.records", engine, e -> e.metrics().journalRecords());
        gauge(metrics, "tocsin.journal.lag", engine, e -> e.metrics().journalLag());
        gauge(metrics, "tocsin.intake.ring.free", engine, e -> e.metrics().intakeRingFree());
        gauge(metrics, "tocsin.receipts.ring.free", engine, e -> e.metrics().receiptRingFree());
        gauge(metrics, "tocsin.planning.jobs", engine, e -> e.metrics().planningJobs());
        gauge(metrics, "tocsin.dispatch.illegal.transitions", engine, e -> e.metrics().illegalTransitions());
        gauge(metrics, "tocsin.dispatch.expired.at.send", engine, e -> e.metrics().expiredAtSend());
        for (ConnectorStats c : engine.metrics().connectors()) {
            String name = c.name();
            Gauge.builder("tocsin.connector.queued", engine, e -> stat(e, name, ConnectorStats::queued))
                    .tag("connector", name).tag("kind", c.kind()).strongReference(true).register(metrics.registry());
            Gauge.builder("tocsin.connector.in.flight", engine, e -> stat(e, name, s -> s.inFlight()))
                    .tag("connector", name).tag("kind", c.kind()).strongReference(true).register(metrics.registry());
            FunctionCounter.builder("tocsin.connector.offered", engine, e -> stat(e, name, ConnectorStats::offered))
                    .tag("connector", name).tag("kind", c.kind()).register(metrics.registry());
            FunctionCounter.builder("tocsin.connector.rejected", engine, e -> stat(e, name, ConnectorStats::rejected))
                    .tag("connector", name).tag("kind", c.kind()).register(metrics.registry());
        }
    }

    /** Binds a ledger only (no engine gauges): for embedders and tests; starts the event hub. */
    public void bind(io.tocsin.ledger.LedgerView view, String publicBaseUrl) {
        ledger.bind(view);
        api.publicBaseUrl(publicBaseUrl);
        for (AlertState state : AlertState.values()) {
            Gauge.builder("tocsin.alerts", ledger, l -> l.alerts().stream().filter(a -> a.state() == state).count())
                    .tag("state", state.name()).strongReference(true).register(metrics.registry());
        }
        for (String outcome : List.of("planned", "delivered", "failed", "expired", "cancelled", "unknown")) {
            Gauge.builder("tocsin.dispatches", ledger, l -> dispatches(l.alerts(), outcome))
                    .tag("counter", outcome).strongReference(true).register(metrics.registry());
        }
        console.start();
    }

    private static void gauge(Metrics metrics, String name, Engine engine, ToDoubleFunction<Engine> f) {
        Gauge.builder(name, engine, f).strongReference(true).register(metrics.registry());
    }

    private static double stat(Engine e, String name, ToDoubleFunction<ConnectorStats> f) {
        EngineMetrics m = e.metrics();
        return m.connectors().stream().filter(c -> c.name().equals(name)).findFirst().map(f::applyAsDouble).orElse(0.0);
    }

    private static double dispatches(List<AlertView> alerts, String outcome) {
        long n = 0;
        for (AlertView a : alerts) {
            for (ChannelCounters c : a.channels().values()) {
                n += switch (outcome) {
                    case "planned" -> c.planned();
                    case "delivered" -> c.delivered();
                    case "failed" -> c.failed();
                    case "expired" -> c.expired();
                    case "cancelled" -> c.cancelled();
                    default -> c.unknown();
                };
            }
        }
        return n;
    }

    @Override
    public void close() {
        console.close();
    }
}
