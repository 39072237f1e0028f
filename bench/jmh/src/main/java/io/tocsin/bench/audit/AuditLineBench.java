package io.tocsin.bench.audit;

import io.tocsin.audit.AuditLog;
import io.tocsin.audit.AuditTrail;
import io.tocsin.cap.Alert;
import io.tocsin.ingress.BodyFormat;
import io.tocsin.ingress.CapAlertParser;
import io.tocsin.ingress.ParsedAlert;
import io.tocsin.journal.AlertAccepted;
import io.tocsin.journal.AlertClosed;
import io.tocsin.journal.JournalRecord;
import io.tocsin.journal.PlanningProgress;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the audit trail costs the pipeline thread per accepted alert, as in the HTTP ingest benchmark: one
 * operation is the alert's three journal records (AlertAccepted of the demo's red typhoon warning, then the two
 * PlanningProgress records an engine without geography writes, with their real details) turned into three
 * hash-chained lines, and a flush (one publish) every {@code alertsPerFlush} alerts. {@code bytes} is the real
 * {@link AuditTrail} over {@link AuditLog}; {@code strings}, the same-run baseline, is the writer it replaced
 * ({@link io.tocsin.audit.ReferenceAuditLog}, from the engine's test-jar) fed the same details by a copy of the
 * trail's record-to-line code.
 *
 * <p>The log file is a symlink to {@code /dev/null}: the score is the CPU of building, hashing and handing over
 * the lines (one write call per flush), and hours of iterations do not fill the disk. Each iteration also prints
 * the benchmark thread's CPU time per alert, which other processes on this shared machine do not inflate.
 *
 * <p>{@code java -jar bench/jmh/target/benchmarks.jar AuditLineBench -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AuditLineBench {
    static final int ALERTS = 64;
    static final String AREAS = "0 whole-area dispatches (0 carriers' cells, 0 transmitters, 0 stations); 0 recipients,"
            + " population 0; WARNING /alert/info/area no-geography: this engine runs without geography: areas reach no"
            + " recipients, cells or transmitters";
    static final String RECIPIENTS = "no SMS connector configured";

    /** {@code bytes} = the engine's audit trail; {@code strings} = the String writer it replaced. */
    @Param({"bytes", "strings"})
    public String writer;

    /** Alerts between flushes (the pipeline flushes at each publish: every 5 ms under load, or when idle). */
    @Param({"1", "16"})
    public int alertsPerFlush;

    private Path dir;
    private AuditTrail trail;
    private io.tocsin.audit.ReferenceAuditLog baseline;
    private final JournalRecord[][] alerts = new JournalRecord[ALERTS][];
    private long next;
    private long iterationStart;
    private long iterationCpu;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path root = Path.of(System.getProperty("tocsin.root", ".")).toAbsolutePath();
        byte[] raw = Files.readString(root.resolve("config/demo/typhoon-red.xml")).getBytes(StandardCharsets.UTF_8);
        ParsedAlert parsed = new CapAlertParser().parse(BodyFormat.XML, raw);
        if (!parsed.ok()) {
            throw new IllegalStateException("the demo alert does not validate: " + parsed.reasons());
        }
        Alert a = parsed.alert();
        long now = System.currentTimeMillis();
        for (int i = 0; i < ALERTS; i++) {
            String id = String.format("tx-%06d", i + 1);
            Alert alert = new Alert(a.version(), "bench-c4-44470379314003-" + i, a.sender(), a.sent(), a.status(),
                    a.msgType(), a.source(), a.scope(), a.restriction(), a.addresses(), a.codes(), a.note(),
                    a.references(), a.incidents(), a.infos());
            alerts[i] = new JournalRecord[] {
                new AlertAccepted(now, id, "bench", false, "application/cap+xml", raw, alert),
                new PlanningProgress(now, id, PlanningProgress.Stage.AREAS_PLANNED, 0, AREAS),
                new PlanningProgress(now, id, PlanningProgress.Stage.RECIPIENTS_PLANNED, 0, RECIPIENTS)};
        }
        dir = Files.createTempDirectory("tocsin-audit-bench");
        Files.createSymbolicLink(dir.resolve(AuditLog.FILE_NAME), Path.of("/dev/null"));
        if (writer.equals("bytes")) {
            trail = new AuditTrail(AuditLog.open(dir, Clock.systemUTC(), null, false), id -> null);
        } else {
            baseline = new io.tocsin.audit.ReferenceAuditLog(dir.resolve(AuditLog.FILE_NAME), Clock.systemUTC(),
                    null);
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        iterationStart = next;
        iterationCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** The benchmark thread's CPU time per alert: what other processes on the box take does not count. */
    @TearDown(Level.Iteration)
    public void endIteration() {
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - iterationCpu;
        System.out.printf("  [thread CPU %,.0f ns per alert]", (double) cpu / (next - iterationStart));
    }

    @Benchmark
    public long acceptedAlert() {
        long n = next++;
        JournalRecord[] records = alerts[(int) (n % ALERTS)];
        boolean flush = (n + 1) % alertsPerFlush == 0;
        if (trail != null) {
            for (JournalRecord r : records) {
                trail.onRecord(r);
            }
            if (flush) {
                trail.flush();
            }
        } else {
            for (JournalRecord r : records) {
                baselineRecord(r);
            }
            if (flush) {
                baseline.flush();
            }
        }
        return n;
    }

    /** AuditTrail's record-to-line code for these records, unchanged, over the old writer. */
    private void baselineRecord(JournalRecord record) {
        if (record instanceof AlertAccepted r) {
            baseline.append("submit", r.publisher(), r.alertId(), r.alert().status() + " " + r.alert().msgType() + " "
                    + r.alert().sender() + "," + r.alert().identifier() + "," + r.alert().sent()
                    + (r.needsApproval() ? " (needs approval)" : "")
                    + (r.correction() ? " (pre-approved correction)" : "") + " " + r.raw().length + " bytes");
        } else if (record instanceof AlertClosed r) {
            baseline.append("close", "engine", r.alertId(), r.state() + (r.detail() == null ? "" : ": " + r.detail()));
        } else if (record instanceof PlanningProgress r) {
            baseline.append("planning", "engine", r.alertId(), r.stage() + " " + r.count()
                    + (r.detail() == null ? "" : ": " + r.detail()));
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        if (trail != null) {
            if (trail.failures() != 0) {
                throw new IllegalStateException(trail.failures() + " audit writes failed");
            }
            trail.close();
        } else {
            baseline.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
