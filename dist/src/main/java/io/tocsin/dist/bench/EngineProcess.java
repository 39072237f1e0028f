package io.tocsin.dist.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real engine as a separate JVM: {@code java <Chronicle flags> io.tocsin.dist.Main run --config FILE --port 0},
 * output to {@code engine-N.log} and GC log to {@code gc-N.log} in the work directory. Knows when it serves
 * (and on which port, with its recovery report), can be killed with SIGKILL or stopped with SIGTERM, and reads
 * its CPU time and resident memory from {@code /proc}. Not thread-safe; one owner.
 */
final class EngineProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving http://[^:/]+:(\\d+)/api/v1 \\((RecoveryReport\\[[^\\]]*\\])");
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(-?\\d+)");

    private final Process process;
    private final Path log;
    private final Path gcLog;
    private final long spawnedNanos;
    private int port = -1;
    private Map<String, Long> recovery = Map.of();
    private long servingNanos;

    private EngineProcess(Process process, Path log, Path gcLog, long spawnedNanos) {
        this.process = process;
        this.log = log;
        this.gcLog = gcLog;
        this.spawnedNanos = spawnedNanos;
    }

    /** Spawns engine number {@code n} (logs are per n) on the configuration; returns at once. */
    static EngineProcess spawn(Path config, Path workDir, String heap, List<String> jvmArgs, int n)
            throws IOException {
        Path log = workDir.resolve("engine-" + n + ".log");
        Path gc = workDir.resolve("gc-" + n + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.add("-Xmx" + heap);
        cmd.add("-Xlog:gc:file=" + gc);
        cmd.add("-Dtocsin.trace=INFO"); // the engine log gets one line per alert: where its first dispatches' time went
        cmd.addAll(jvmArgs);
        cmd.addAll(LaunchFlags.inherited());
        String root = System.getProperty("tocsin.root");
        if (root != null) {
            cmd.add("-Dtocsin.root=" + root);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.tocsin.dist.Main");
        cmd.addAll(List.of("run", "--config", config.toString(), "--port", "0"));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new EngineProcess(p, log, gc, t0);
    }

    /** Waits until the engine prints that it serves; false if it died or the time ran out. */
    boolean awaitServing(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (servedYet()) {
                servingNanos = System.nanoTime();
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(5); // polling a child's log file for its ready line
        }
        return false;
    }

    /** Whether its log has the serving line yet (reads port and recovery report from it); no waiting. */
    boolean servedYet() throws IOException {
        if (port > 0) {
            return true;
        }
        if (!Files.exists(log)) {
            return false;
        }
        Matcher m = SERVING.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (!m.find()) {
            return false;
        }
        port = Integer.parseInt(m.group(1));
        Map<String, Long> r = new LinkedHashMap<>();
        Matcher f = FIELD.matcher(m.group(2));
        while (f.find()) {
            r.put(f.group(1), Long.parseLong(f.group(2)));
        }
        recovery = r;
        return true;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    Path gcLog() {
        return gcLog;
    }

    long spawnedNanos() {
        return spawnedNanos;
    }

    /** Spawn → serving, in milliseconds. */
    double startMillis() {
        return (servingNanos - spawnedNanos) / 1e6;
    }

    /** The recovery report the engine printed ({@code records}, {@code requeued}, {@code possibleDuplicates}, {@code millis}...). */
    Map<String, Long> recovery() {
        return recovery;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and wait for the clean shutdown (then kill -9 after the timeout). */
    void stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    /** CPU time (user + system) and resident memory now, from /proc; zeros where /proc is missing. */
    ProcSample sample() {
        return ProcSample.of(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
