package io.tocsin.cli;

import io.tocsin.config.ServerConfig;
import io.tocsin.config.TocsinConfig;
import io.tocsin.connector.Connector;
import io.tocsin.ingress.AlertApi;
import io.tocsin.ingress.AlertParser;
import io.tocsin.ingress.CapAlertParser;
import io.tocsin.console.Console;
import io.tocsin.console.CoverageOverlay;
import io.tocsin.console.EngineGauges;
import io.tocsin.console.Geography;
import io.tocsin.console.Metrics;
import io.tocsin.console.OperatorAuthenticator;
import io.tocsin.ingress.IngressServer;
import io.tocsin.security.Caller;
import io.tocsin.ingress.Route;
import io.tocsin.ingress.Router;
import io.tocsin.report.ReportGeography;
import io.tocsin.report.ReportRoute;
import io.tocsin.targeting.DirectoryAreaResolver;
import io.tocsin.journal.ChronicleJournal;
import io.tocsin.journal.JournalConfig;
import io.tocsin.pipeline.DispatchLimits;
import io.tocsin.pipeline.Engine;
import io.tocsin.pipeline.EngineConfig;
import io.tocsin.security.KeyRing;
import io.tocsin.security.RegionShapes;
import io.tocsin.targeting.AreaResolver;
import io.tocsin.targeting.NoGeography;
import io.tocsin.targeting.coverage.CoverageEstimator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * One running Tocsin: the engine (journal replayed, connectors started) behind the HTTP server. What
 * {@code ./tocsin run} and {@code ./tocsin demo} start.
 *
 * <pre>
 * TocsinConfig config = new ConfigLoader().load(Path.of("config/demo.yaml"));
 * try (EngineHost host = EngineHost.start(config, resolver, shapes, Clock.systemUTC(), List.of())) {
 *     host.port();   host.engine().ledger();   ...
 * }
 * </pre>
 *
 * Thread-safe accessors; start once, close once (server first, so nothing new arrives, then the engine).
 */
public final class EngineHost implements AutoCloseable {

    /** Resolves nothing, saying so: for an engine run without geography (machine feeds only). */
    public static final AreaResolver NO_GEOGRAPHY = new NoGeography();

    private final TocsinConfig config;
    private final KeyRing keys;
    private final Engine engine;
    private final IngressServer server;
    private final Console console;
    private io.tocsin.drill.Drills drills;
    private final java.util.Map<String, Long> phases = new java.util.LinkedHashMap<>();

    private EngineHost(TocsinConfig config, KeyRing keys, Engine engine, IngressServer server, Console console) {
        this.config = config;
        this.keys = keys;
        this.engine = engine;
        this.server = server;
        this.console = console;
    }

    /**
     * Opens the journal, replays it, creates and starts the configured connectors, then binds the HTTP server
     * with the API and {@code extraRoutes} (console, feeds, metrics...). Throws
     * {@link io.tocsin.config.ConfigException} for bad configuration, leaving nothing running.
     */
    public static EngineHost start(TocsinConfig config, AreaResolver resolver, RegionShapes shapes, Clock clock,
                                   List<Route> extraRoutes) throws InterruptedException {
        return start(config, resolver, shapes, clock, extraRoutes, new CapAlertParser());
    }

    public static EngineHost start(TocsinConfig config, AreaResolver resolver, RegionShapes shapes, Clock clock,
                                   List<Route> extraRoutes, AlertParser parser) throws InterruptedException {
        long t0 = System.nanoTime();
        java.util.Map<String, Long> phases = new java.util.LinkedHashMap<>();
        KeyRing keys = KeyRing.fromConfig(config);
        io.tocsin.config.GovernanceConfig gc = io.tocsin.config.GovernanceConfig.of(config);
        io.tocsin.pipeline.Governance governance = new io.tocsin.pipeline.Governance(gc.approvalWindow(),
                keys.identities(), java.util.Set.copyOf(gc.correctors()));
        Path journalDir = config.resolve(config.journal().dir());
        JournalConfig journalConfig = new JournalConfig(config.journal().fsync(), config.journal().minFreeBytes());
        EngineConfig engineConfig = new EngineConfig(journalDir.getParent(), journalConfig,
                config.queues().ringSize(), config.queues().receiptsRingSize(), DispatchLimits.defaults(),
                ConfiguredConnectors.bindings(config.connectors()), 1000, governance);
        Engine engine = new Engine(engineConfig, resolver, clock, ChronicleJournal.open(journalDir, journalConfig));
        t0 = lap(phases, "journalOpen", t0);
        engine.spaceGuard(journalConfig.minFreeBytes() == 0 ? io.tocsin.journal.FreeSpaceGuard.unlimited()
                : io.tocsin.journal.FreeSpaceGuard.forDirectory(journalDir, journalConfig.minFreeBytes()));
        IngressServer server = null;
        Console console = null;
        // The console's map outlines load meanwhile (they are not needed until HTTP serves).
        java.util.concurrent.CompletableFuture<Geography> mapOutlines = new java.util.concurrent.CompletableFuture<>();
        Thread outlines = new Thread(() -> {
            try {
                mapOutlines.complete(consoleGeography(config));
            } catch (RuntimeException e) {
                mapOutlines.completeExceptionally(e);
            }
        }, "tocsin-console-geography");
        outlines.setDaemon(true);
        outlines.start();
        try {
            List<Connector> connectors = new ConfiguredConnectors().create(config.connectors(), engine.receipts(),
                    clock);
            t0 = lap(phases, "connectorsCreated", t0);
            engine.start(connectors);
            t0 = lap(phases, "replayAndStart", t0);
            if (resolver instanceof DeferredTargeting deferred) {
                // dispatch has resumed; what follows (reports, coverage, scope checks) needs the geography itself
                resolver = deferred.targeting().resolver();
                t0 = lap(phases, "geographyWait", t0);
            }
            ServerConfig sc = config.server();
            // The console reads the ledger plus what ingress parsed (raw CAP for the feed, areas for the map).
            io.tocsin.console.ConsoleLedger consoleLedger = new io.tocsin.console.ConsoleLedger(10_000);
            consoleLedger.bind(engine.ledger());
            Metrics consoleMetrics = new Metrics();
            AlertApi api = new AlertApi(keys, engine.intake(), engine.ledger(),
                    new io.tocsin.console.RecordingParser(parser, consoleLedger, consoleMetrics), shapes, clock, sc,
                    governance, new EngineHealth(engine));
            Router router = api.router();
            router.add(new ReportRoute(engine.ledger(), resolver instanceof DirectoryAreaResolver d
                    ? new ReportGeography(d) : null).route());
            io.tocsin.drill.Drills drills = GovernanceWiring.drills(config, gc, engine, parser, clock);
            router.addAll(new io.tocsin.drill.DrillRoutes(drills, parser, clock).routes());
            extraRoutes.forEach(router::add);
            EngineGauges.register(consoleMetrics, engine);
            console = new Console(consoleLedger, consoleMetrics, operators(keys), joined(mapOutlines), clock,
                    null, java.time.Duration.ofMillis(100), coverage(resolver));
            console.start();
            t0 = lap(phases, "console", t0);
            server = new IngressServer(sc, router, console.routes()).start();
            lap(phases, "http", t0);
            EngineHost host = new EngineHost(config, keys, engine, server, console);
            host.phases.putAll(phases);
            host.drills = drills.start();
            return host;
        } catch (RuntimeException | InterruptedException e) {
            if (server != null) {
                server.close();
            }
            if (console != null) {
                console.close();
            }
            engine.close();
            throw e;
        }
    }

    /** The map's blind-spot overlay estimates reach with targeting's coverage estimator (built on first use). */
    private static CoverageOverlay.Estimator coverage(AreaResolver resolver) {
        if (!(resolver instanceof DirectoryAreaResolver d)) {
            return null;
        }
        java.util.concurrent.atomic.AtomicReference<CoverageEstimator> estimator =
                new java.util.concurrent.atomic.AtomicReference<>();
        return alert -> estimator.updateAndGet(e -> e != null ? e
                        : new CoverageEstimator(d.geography(), d.directory(), d.sites(), d.options()))
                .estimate(0, alert.infos().get(0).areas());
    }

    /** Operators (never publishers) may use the console. */
    private static OperatorAuthenticator operators(KeyRing keys) {
        return key -> keys.authenticate(key).filter(Caller::isOperator).map(Caller::name);
    }

    /** The configured regions file, else the shipped {@code config/geo} folder, else an empty map. */
    private static Geography consoleGeography(TocsinConfig config) {
        String regions = config.geography().regions();
        Path source = regions != null ? config.resolve(regions) : config.resolve("config/geo");
        try {
            return Geography.load(source, 0.002);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot load the console's geography from " + source, e);
        }
    }

    private static Geography joined(java.util.concurrent.CompletableFuture<Geography> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Records {@code name}'s wall time since {@code since} (and, as name/cpu, the starting thread's CPU time). */
    private static long lap(java.util.Map<String, Long> phases, String name, long since) {
        return StartupClock.lap(phases, name, since);
    }

    /** How long each step of {@link #start} took (ms), in order: journal open, connectors, replay, console, HTTP. */
    public java.util.Map<String, Long> startupPhases() { return java.util.Collections.unmodifiableMap(phases); }

    public Console console() { return console; }

    public Engine engine() { return engine; }

    public IngressServer server() { return server; }

    public KeyRing keys() { return keys; }

    /** The double-blind drill scheduler (configured drills and {@code POST /api/v1/drills}). */
    public io.tocsin.drill.Drills drills() { return drills; }

    public TocsinConfig config() { return config; }

    /** The bound HTTP port. */
    public int port() { return server.port(); }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            if (drills != null) {
                drills.close();
            }
            console.close();
            engine.close();
        }
    }
}
