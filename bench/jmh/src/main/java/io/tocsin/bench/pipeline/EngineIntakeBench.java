package io.tocsin.bench.pipeline;

import io.tocsin.bench.ingress.JournalOnlyIntake;
import io.tocsin.cap.Alert;
import io.tocsin.cli.EngineHost;
import io.tocsin.config.ConfigLoader;
import io.tocsin.config.TocsinConfig;
import io.tocsin.ingress.BodyFormat;
import io.tocsin.ingress.CapAlertParser;
import io.tocsin.ingress.ParsedAlert;
import io.tocsin.pipeline.AlertIntake;
import io.tocsin.pipeline.IntakeOutcome;
import io.tocsin.pipeline.Submission;
import io.tocsin.security.KeyHash;
import io.tocsin.security.RegionShapes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The engine's intake without HTTP: decoded alerts (the demo's red typhoon warning, a fresh identifier each)
 * submitted to the real engine (intake ring → pipeline thread → Chronicle journal, ledger, audit chain, planner
 * without geography) in batches of {@value #BATCH}, each batch awaited — so one operation is one accepted,
 * journaled alert, and the score is the pipeline's alerts per second. Baseline in the same run: the same
 * submissions handed to a writer thread that appends the raw CAP bytes to a Chronicle Queue and answers
 * ({@link JournalOnlyIntake}, what the HTTP ingest benchmark calls the minimal intake).
 *
 * <p>{@code java -jar bench/jmh/target/benchmarks.jar EngineIntakeBench -f 1 -wi 2 -i 3 -r 5s -jvmArgs -Xmx4g}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineIntakeBench {
    static final int BATCH = 64;
    private static final String KEY = "engine-intake-bench-key";
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    /** {@code engine} = the real engine; {@code journal-only} = the raw-append baseline. */
    @Param({"engine", "journal-only"})
    public String intake;

    private Path dir;
    private EngineHost host;
    private JournalOnlyIntake journalOnly;
    private AlertIntake target;
    private Alert template;
    private byte[] raw;
    private long next;
    @SuppressWarnings("unchecked")
    private final CompletableFuture<IntakeOutcome>[] pending = new CompletableFuture[BATCH];

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path root = Path.of(System.getProperty("tocsin.root", ".")).toAbsolutePath();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        String xml = Files.readString(root.resolve("config/demo/typhoon-red.xml"))
                .replaceFirst("<sent>[^<]*</sent>", "<sent>" + CAP_TIME.format(now) + "</sent>")
                .replaceAll("<expires>[^<]*</expires>", "<expires>" + CAP_TIME.format(now.plusHours(12))
                        + "</expires>");
        raw = xml.getBytes(StandardCharsets.UTF_8);
        ParsedAlert parsed = new CapAlertParser().parse(BodyFormat.XML, raw);
        if (!parsed.ok()) {
            throw new IllegalStateException("the demo alert does not validate: " + parsed.reasons());
        }
        template = parsed.alert();
        dir = Files.createTempDirectory("tocsin-engine-intake-bench");
        if (intake.equals("engine")) {
            host = EngineHost.start(config(dir), EngineHost.NO_GEOGRAPHY, RegionShapes.NONE, Clock.systemUTC(),
                    List.of());
            target = host.engine().intake();
        } else {
            journalOnly = new JournalOnlyIntake(dir.resolve("journal"));
            target = journalOnly;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int submitBatch() {
        for (int i = 0; i < BATCH; i++) {
            Alert a = template;
            Alert alert = new Alert(a.version(), "bench-" + (next++), a.sender(), a.sent(), a.status(), a.msgType(),
                    a.source(), a.scope(), a.restriction(), a.addresses(), a.codes(), a.note(), a.references(),
                    a.incidents(), a.infos());
            pending[i] = target.submit(new Submission(alert, raw, "application/cap+xml", "bench", false,
                    Instant.now()));
        }
        int accepted = 0;
        for (int i = 0; i < BATCH; i++) {
            if (pending[i].join().kind() == IntakeOutcome.Kind.ACCEPTED) {
                accepted++;
            }
        }
        if (accepted != BATCH) {
            throw new IllegalStateException(accepted + " of " + BATCH + " accepted");
        }
        return accepted;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        if (host != null) {
            int alerts = host.engine().ledger().alerts().size();
            long cpu = threadCpuNanos("tocsin-pipeline");
            System.out.printf("%n%,d alerts in the ledger; pipeline thread CPU %.1f µs per alert (noise-robust: "
                    + "CPU time, not wall time)%n", alerts, cpu / 1000.0 / alerts);
            host.close();
        }
        if (journalOnly != null) {
            journalOnly.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** CPU time so far of the live thread with this name (0 when there is none). */
    static long threadCpuNanos(String name) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && t.getThreadName().equals(name)) {
                return mx.getThreadCpuTime(t.getThreadId());
            }
        }
        return 0;
    }

    private static TocsinConfig config(Path dir) throws IOException {
        String yaml = """
                server: {host: 127.0.0.1, port: 0, ioThreads: 1}
                journal: {dir: journal, fsync: false}
                queues: {ringSize: 16384}
                publishers:
                  - {name: bench, keySha256: %s}
                """.formatted(KeyHash.hexOf(KEY));
        return new ConfigLoader().parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "bench", dir);
    }
}
