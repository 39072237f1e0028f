package io.tocsin.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.connector.DispatchState;
import io.tocsin.journal.ChronicleJournal;
import io.tocsin.journal.JournalConfig;
import io.tocsin.ledger.AlertEntry;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.Ledger;
import io.tocsin.ledger.LedgerReplay;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promise 1 and 2 under {@code kill -9}: a real engine JVM ({@link CrashChild}) is killed at random moments,
 * restarted on the same journal, killed again... then left to finish. Checks after every kill and at the end:
 * every ACCEPTED alert is in the journal; the ledger rebuilt from the journal equals the last snapshot the dead
 * engine published (same journal position); no dispatch the peer had acknowledged (ACCEPTED or later in the
 * journal) is offered again; re-sent dispatches were SUBMITTED-unanswered at the crash and at most the windows;
 * at the end every target of every alert not cancelled was served.
 *
 * <p>Iterations: {@code -Dtocsin.crash.iterations=N} (default 20). Seed: {@code -Dtocsin.crash.seed}. On a
 * machine too loaded to start 20 JVMs in time it stops after {@code -Dtocsin.crash.budgetSeconds} (default 75;
 * at least 5 kills) and says so on stdout.
 */
@Timeout(600)
class CrashRecoveryTest {
    static final Set<DispatchState> ANSWERED = EnumSet.of(DispatchState.ACCEPTED, DispatchState.DELIVERED,
            DispatchState.FAILED, DispatchState.EXPIRED, DispatchState.CANCELLED, DispatchState.UNKNOWN);

    @TempDir
    Path tmp;

    record Send(long id, String alertId, String address, String action) {
    }

    @Test
    void killedAtRandomTheEngineLosesNothingAcknowledgedAndResendsOnlyTheWindow() throws Exception {
        int iterations = Integer.getInteger("tocsin.crash.iterations", 20);
        long seed = Long.getLong("tocsin.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Map<String, String> acked = new HashMap<>();
        long resentTotal = 0;
        long possibleDuplicates = 0;
        long budget = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("tocsin.crash.budgetSeconds", 75));
        int run = 0;
        for (; run < iterations; run++) {
            if (run >= 5 && System.nanoTime() > budget) {
                System.out.printf("crash test: machine too slow, stopping after %d of %d kills%n", run, iterations);
                break;
            }
            long t0 = System.nanoTime();
            Process p = spawn(data, out, run, "crash");
            children.add(p);
            int r = run;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> Files.exists(out.resolve("ready-" + r)) || !p.isAlive());
            assertThat(p.isAlive()).as("child %d died on its own; see %s", run, out.resolve("child-" + run + ".log"))
                    .isTrue();
            long ready = System.nanoTime();
            // Kill -9 at a random moment: on even runs anywhere from recovery on, on odd runs once it has
            // acknowledged an alert (so new alerts, cancels, sends and receipts are in flight).
            if (run % 2 == 1) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(5))
                        .until(() -> readAcks(out.resolve("acks-" + r + ".log")).size() > 0 || !p.isAlive());
            }
            p.waitFor(random.nextInt(run % 2 == 1 ? 600 : 1500), TimeUnit.MILLISECONDS);
            p.destroyForcibly().waitFor();
            Map<String, String> newAcks = readAcks(out.resolve("acks-" + run + ".log"));
            acked.putAll(newAcks);
            System.out.printf("crash run %d: ready after %d ms, killed %d ms later; %d alerts acked, %d sends%n", run,
                    (ready - t0) / 1_000_000, (System.nanoTime() - ready) / 1_000_000, newAcks.size(),
                    readSends(out.resolve("sends-" + run + ".log")).size());
            CrashState crash = inspect(data, out.resolve("snapshot-" + run + ".json"), acked, run);
            if (run > 0) {
                possibleDuplicates += recoveredDuplicates(out.resolve("ready-" + run));
            }
            resentTotal += checkNoAcknowledgedResent(out, run, crash);
        }
        iterations = run;
        Process last = spawn(data, out, iterations, "finish");
        children.add(last);
        assertThat(last.waitFor(90, TimeUnit.SECONDS)).as("final run finishes").isTrue();
        assertThat(Files.readString(out.resolve("finished-" + iterations))).isEqualTo("true");
        possibleDuplicates += recoveredDuplicates(out.resolve("ready-" + iterations));
        CrashState end = inspect(data, out.resolve("snapshot-" + iterations + ".json"), acked, iterations);
        checkEveryTargetServed(out, iterations, end);
        System.out.printf("crash test: seed %d, %d kills, %d alerts acknowledged, %d dispatches re-sent after"
                + " restarts (possible duplicates reported by recovery: %d)%n", seed, iterations, acked.size(),
                resentTotal, possibleDuplicates);
    }

    /** After a kill: the journal has every acknowledged alert and replays to the last published snapshot. */
    private CrashState inspect(Path data, Path snapshotFile, Map<String, String> acked, int run) throws IOException {
        try (ChronicleJournal j = ChronicleJournal.open(data.resolve("journal"), JournalConfig.defaults())) {
            Ledger ledger = LedgerReplay.rebuild(j);
            for (Map.Entry<String, String> a : acked.entrySet()) {
                AlertEntry e = ledger.entry(a.getKey());
                assertThat(e).as("acknowledged alert %s after kill %d", a.getKey(), run).isNotNull();
                assertThat(e.alert().identifier()).isEqualTo(a.getValue());
            }
            if (Files.exists(snapshotFile)) {
                JsonNode published = CrashChild.JSON.readTree(snapshotFile.toFile());
                long records = published.get("journalRecords").asLong();
                JsonNode replayed = CrashChild.JSON.readTree(
                        CrashChild.JSON.writeValueAsBytes(LedgerReplay.replay(j, records)));
                assertThat(replayed).as("ledger replayed to record %d equals the one published before kill %d",
                        records, run).isEqualTo(published);
            }
            Map<Long, DispatchState> states = new HashMap<>();
            for (long id = 1; id < ledger.nextDispatchId(); id++) {
                states.put(id, ledger.stateOf(id));
            }
            return new CrashState(ledger, states);
        }
    }

    record CrashState(Ledger ledger, Map<Long, DispatchState> states) {
    }

    /** Dispatches offered in run k (k >= 1) that had been offered before must have been SUBMITTED at the crash. */
    private long checkNoAcknowledgedResent(Path out, int run, CrashState crash) throws IOException {
        if (run == 0) {
            previous = crash;
            return 0;
        }
        Set<Long> before = new HashSet<>();
        for (int k = 0; k < run; k++) {
            readSends(out.resolve("sends-" + k + ".log")).forEach(s -> before.add(s.id()));
        }
        long resent = 0;
        for (Send s : readSends(out.resolve("sends-" + run + ".log"))) {
            DispatchState atCrash = previous.states().get(s.id());
            assertThat(atCrash).as("dispatch %d re-offered in run %d was acknowledged before the crash", s.id(), run)
                    .isNotIn(ANSWERED);
            if (before.contains(s.id())) {
                assertThat(atCrash).as("re-sent dispatch %d was in flight at the crash", s.id())
                        .isEqualTo(DispatchState.SUBMITTED);
                resent++;
            }
        }
        assertThat(resent).as("re-sent after restart %d <= the windows of 3 connectors", run)
                .isLessThanOrEqualTo(3L * CrashChild.WINDOW);
        previous = crash;
        return resent;
    }

    private CrashState previous;
    private final List<Process> children = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly); // never leave an engine JVM behind when a check fails
    }

    private void checkEveryTargetServed(Path out, int runs, CrashState end) throws IOException {
        Map<String, Set<String>> served = new HashMap<>();
        for (int k = 0; k <= runs; k++) {
            for (Send s : readSends(out.resolve("sends-" + k + ".log"))) {
                if (!s.action().equals("CANCEL")) {
                    served.computeIfAbsent(s.alertId(), a -> new HashSet<>()).add(s.address());
                }
            }
        }
        int done = 0;
        for (AlertEntry e : end.ledger().entries()) {
            assertThat(e.state()).as("alert %s after the final run", e.id())
                    .isIn(AlertState.DONE, AlertState.CANCELLED);
            assertThat(e.pending()).isZero();
            if (e.state() == AlertState.DONE) {
                done++;
                // 300 SMS recipients + one cell broadcast (address = carrier)
                assertThat(served.get(e.id())).as("targets served for %s", e.id())
                        .hasSize(CrashChild.RECIPIENTS + 1);
            }
        }
        assertThat(done).isPositive();
    }

    private static long recoveredDuplicates(Path ready) throws IOException {
        String s = Files.readString(ready);
        int i = s.indexOf("possibleDuplicates=");
        return Long.parseLong(s.substring(i + 19, s.indexOf(',', i)));
    }

    private static Map<String, String> readAcks(Path file) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split(" ");
                if (f.length == 3 && f[0].equals("A")) {
                    out.put(f[1], f[2]);
                }
            }
        }
        return out;
    }

    private static List<Send> readSends(Path file) throws IOException {
        List<Send> out = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split(" ");
                if (f.length == 5 && f[0].equals("S")) { // a torn last line (killed mid-write) is skipped
                    out.add(new Send(Long.parseLong(f[1]), f[2], f[3], f[4]));
                }
            }
        }
        return out;
    }

    private static Process spawn(Path data, Path out, int run, String mode) throws IOException {
        List<String> cmd = io.tocsin.pipeline.testing.ChildJvm.command();
        Path logback = out.resolve("logback.xml");
        if (!Files.exists(logback)) {
            Files.writeString(logback, "<configuration><appender name=\"o\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                    + "<encoder><pattern>%d %-5level %logger{20} %msg%n</pattern></encoder></appender>"
                    + "<root level=\"WARN\"><appender-ref ref=\"o\"/></root></configuration>");
        }
        cmd.add("-Dlogback.configurationFile=" + logback);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CrashChild.class.getName());
        cmd.add(data.toString());
        cmd.add(out.toString());
        cmd.add(String.valueOf(run));
        cmd.add(mode);
        File log = out.resolve("child-" + run + ".log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }
}
