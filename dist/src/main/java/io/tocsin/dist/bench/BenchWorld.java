package io.tocsin.dist.bench;

import io.tocsin.config.ConnectorConfig;
import io.tocsin.config.LimitsConfig;
import io.tocsin.dist.DemoWorld;
import io.tocsin.sim.cbc.CbcSimulator;
import io.tocsin.sim.smpp.SmscSimulator;
import io.tocsin.targeting.Targeting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything one harness run stands on: the simulated peers in this JVM (the demo's, via {@link DemoWorld}:
 * an SMSC per carrier with its cap, a CBC per carrier, playout and radio drop folders), fresh keys, the
 * generated engine configuration, and the engine process started from it (restartable on the same journal).
 * Not thread-safe; one scenario drives it.
 */
final class BenchWorld implements AutoCloseable {
    final BenchOptions options;
    final Path work;
    final Path dataDir;
    final Path configFile;
    final BenchKeys keys;
    final Targeting sites;
    final DemoWorld peers;
    private final List<EngineProcess> engines = new ArrayList<>();
    private EngineProcess engine;
    private EngineApi api;

    private BenchWorld(BenchOptions options, Path work, BenchKeys keys, Targeting sites, DemoWorld peers,
                       Path configFile) {
        this.options = options;
        this.work = work;
        this.dataDir = work.resolve("data");
        this.keys = keys;
        this.sites = sites;
        this.peers = peers;
        this.configFile = configFile;
    }

    static BenchWorld create(BenchOptions o) throws IOException {
        Path work = o.work().toAbsolutePath();
        Files.createDirectories(work);
        Path data = work.resolve("data");
        if (Files.exists(data)) {
            Files.walk(data).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.createDirectories(data);
        // Only the sites matter here (the CBCs must know the engine's cells): a one-subscriber directory.
        Targeting sites = Targeting.demo(o.root().resolve("config/geo"), 1, o.cells(), o.seed());
        DemoWorld peers = DemoWorld.start(sites, data, o.caps(), o.broadcast());
        try {
            List<ConnectorConfig> connectors = new ArrayList<>();
            for (ConnectorConfig c : peers.connectors()) {
                LimitsConfig l = c.limits();
                // An SMS connector with account_tps paces to the carrier's cap itself: a second limiter at the same
                // rate in the engine keeps the connector's queue empty, so every stall of the pipeline thread is
                // capacity lost for good. The engine hands it a full window instead and the connector paces.
                boolean selfPaced = "SMS".equals(c.kind()) && c.settings() != null && c.settings().has("account_tps");
                connectors.add(l == null ? c : new ConnectorConfig(c.name(), c.type(), c.kind(), c.enabled(),
                        c.carrier(), new LimitsConfig(selfPaced ? null : l.ratePerSecond(), selfPaced ? null : l.burst(),
                        o.window(), l.maxQueued()), c.settings()));
            }
            BenchKeys keys = BenchKeys.generate();
            Path cfg = EngineConfigFile.write(work.resolve("engine.yaml"), o.root(), data, o.subscribers(), o.cells(),
                    o.seed(), keys, connectors);
            return new BenchWorld(o, work, keys, sites, peers, cfg);
        } catch (IOException | RuntimeException e) {
            peers.close();
            throw e;
        }
    }

    /** Starts (or restarts, on the same journal) the engine process and waits until it serves. */
    EngineProcess startEngine() throws IOException, InterruptedException {
        EngineProcess e = EngineProcess.spawn(configFile, work, options.engineHeap(), options.engineJvmArgs(), engines.size());
        engines.add(e);
        engine = e;
        if (!e.awaitServing(Duration.ofSeconds(options.startTimeoutSeconds()))) {
            e.close();
            throw new IllegalStateException("the engine did not start; see " + e.log());
        }
        api = new EngineApi(e.baseUrl(), keys);
        return e;
    }

    /** Spawns the engine without waiting (for timing a restart from the spawn). */
    EngineProcess spawnEngine() throws IOException {
        EngineProcess e = EngineProcess.spawn(configFile, work, options.engineHeap(), options.engineJvmArgs(), engines.size());
        engines.add(e);
        engine = e;
        return e;
    }

    /** After {@link #spawnEngine()}: wait until it serves and point the API client at it. */
    void awaitEngine(EngineProcess e) throws IOException, InterruptedException {
        if (!e.awaitServing(Duration.ofSeconds(options.startTimeoutSeconds()))) {
            e.close();
            throw new IllegalStateException("the engine did not start; see " + e.log());
        }
        api = new EngineApi(e.baseUrl(), keys);
    }

    /** The first engine's spawn → serving (empty journal): the baseline of a restart. */
    double firstStartMillis() {
        return engines.get(0).startMillis();
    }

    EngineProcess engine() {
        return engine;
    }

    EngineApi api() {
        return api;
    }

    Map<String, SmscSimulator> smscs() {
        return peers.smscs();
    }

    Map<String, CbcSimulator> cbcs() {
        return peers.cbcs();
    }

    double sumOfCaps() {
        return options.caps().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** submit_sm PDUs that reached the SMSCs so far (including throttled ones). */
    long smsPdus() {
        return smscs().values().stream().mapToLong(s -> s.arrivals().count()).sum();
    }

    /** Complete messages in the SMSC inboxes. */
    long smsMessages() {
        return smscs().values().stream().mapToLong(s -> s.inbox().messages()).sum();
    }

    /** submit_sm the SMSCs answered 0x58 (throttled) because a carrier's or bind's rate was exceeded. */
    long smsThrottled() {
        return smscs().values().stream().mapToLong(s -> s.stats().throttled()).sum();
    }

    long smsSegments() {
        return smscs().values().stream().mapToLong(s -> s.inbox().segments()).sum();
    }

    void armArrivals() {
        smscs().values().forEach(s -> s.arrivals().arm());
        cbcs().values().forEach(c -> {
            c.postArrivals().arm();
            c.deleteArrivals().arm();
        });
    }

    /** Earliest first-since-arm arrival over the SMSCs, 0 if none. */
    long firstSms() {
        return earliest(smscs().values().stream().mapToLong(s -> s.arrivals().firstSinceArm()));
    }

    long firstCbcPost() {
        return earliest(cbcs().values().stream().mapToLong(c -> c.postArrivals().firstSinceArm()));
    }

    long firstCbcDelete() {
        return earliest(cbcs().values().stream().mapToLong(c -> c.deleteArrivals().firstSinceArm()));
    }

    long lastSms() {
        return smscs().values().stream().mapToLong(s -> s.arrivals().last()).max().orElse(0);
    }

    private static long earliest(java.util.stream.LongStream s) {
        return s.filter(v -> v != 0).min().orElse(0);
    }

    /** Journal files' total size on disk. */
    long journalBytes() throws IOException {
        Path j = dataDir.resolve("journal");
        if (!Files.exists(j)) {
            return 0;
        }
        try (var walk = Files.walk(j)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    /** Every engine's GC log so far. */
    Path[] gcLogs() {
        return engines.stream().map(EngineProcess::gcLog).toArray(Path[]::new);
    }

    @Override
    public void close() throws InterruptedException {
        for (EngineProcess e : engines) {
            e.close();
        }
        peers.close();
    }
}
