package io.tocsin.sim.smpp;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts accepted submit_sm in 100 ms ticks since it started, so tests can check the highest rate over any
 * one-second window. Holds one hour. Thread-safe.
 */
public final class RateMeter {

    private static final long TICK_NANOS = 100_000_000L;
    private final AtomicLongArray ticks = new AtomicLongArray(36_000);
    private final long start = System.nanoTime();

    void mark() {
        int t = (int) ((System.nanoTime() - start) / TICK_NANOS);
        if (t < ticks.length()) {
            ticks.incrementAndGet(t);
        }
    }

    /** The highest count over any 10 consecutive ticks (1 s), ignoring ticks before {@code fromTick}. */
    public long peakPerSecond() {
        int last = (int) Math.min(ticks.length() - 1, (System.nanoTime() - start) / TICK_NANOS);
        long best = 0;
        long window = 0;
        for (int i = 0; i <= last; i++) {
            window += ticks.get(i);
            if (i >= 10) {
                window -= ticks.get(i - 10);
            }
            best = Math.max(best, window);
        }
        return best;
    }
}
