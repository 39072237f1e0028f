package io.tocsin.bench.ingress;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Requests slower than a threshold, by when they were sent, in JVM uptime milliseconds: the same clock as
 * {@code -Xlog:gc}'s uptime decoration, so slow requests can be laid beside GC pauses. Thread-safe.
 */
final class SlowRequests {
    private record Slow(long sentUptimeMs, long latencyMicros) {
    }

    private final long thresholdNanos;
    private final long nanoAtStart = System.nanoTime();
    private final long uptimeAtStart = ManagementFactory.getRuntimeMXBean().getUptime();
    private final long epochAtStart = System.currentTimeMillis();
    private final ConcurrentLinkedQueue<Slow> slow = new ConcurrentLinkedQueue<>();

    /** {@code thresholdMs} 0 records nothing. */
    SlowRequests(int thresholdMs) {
        this.thresholdNanos = thresholdMs <= 0 ? Long.MAX_VALUE : thresholdMs * 1_000_000L;
    }

    void record(long sentAtNanos, long latencyNanos) {
        if (latencyNanos >= thresholdNanos) {
            slow.add(new Slow(uptimeAtStart + (sentAtNanos - nanoAtStart) / 1_000_000, latencyNanos / 1_000));
        }
    }

    /** Slow requests grouped into 50 ms windows of sending time: count and worst latency of each. */
    List<String> report() {
        TreeMap<Long, long[]> windows = new TreeMap<>();
        for (Slow s : slow) {
            long[] w = windows.computeIfAbsent(s.sentUptimeMs() / 50 * 50, k -> new long[2]);
            w[0]++;
            w[1] = Math.max(w[1], s.latencyMicros());
        }
        List<String> lines = new ArrayList<>();
        windows.forEach((at, w) -> lines.add(String.format(Locale.ROOT, "  %8.3fs  %4d slow  worst %7.2f ms",
                at / 1000.0, w[0], w[1] / 1000.0)));
        return lines;
    }
}
