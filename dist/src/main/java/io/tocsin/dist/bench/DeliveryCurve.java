package io.tocsin.dist.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Samples a growing count (messages in the SMSC inboxes) every few milliseconds on its own thread, and
 * afterwards answers when a share of a total was first reached and the rate between two shares. Also samples the
 * engine process's CPU and memory each second. Thread-safe: one sampler thread writes, readers call after
 * {@link #stop()}.
 */
final class DeliveryCurve implements AutoCloseable {
    private final LongSupplier count;
    private final long base;
    private volatile long start;
    private final List<long[]> points = new ArrayList<>();
    private final Thread thread;
    private final java.util.function.Supplier<EngineProcess> engine;
    private volatile boolean running = true;
    private long peakRss;

    DeliveryCurve(LongSupplier count, java.util.function.Supplier<EngineProcess> engine) {
        this.count = count;
        this.engine = engine;
        this.base = count.getAsLong();
        this.start = System.nanoTime();
        this.thread = new Thread(this::run, "bench-curve");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long lastProc = 0;
        while (running) {
            long now = System.nanoTime();
            long c = count.getAsLong() - base;
            synchronized (points) {
                points.add(new long[] {now, c});
            }
            if (now - lastProc > 1_000_000_000L && engine.get() != null) {
                lastProc = now;
                peakRss = Math.max(peakRss, engine.get().sample().rssBytes());
            }
            try {
                Thread.sleep(10); // the sampling period
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Times count from this moment (nanoTime). */
    void startAt(long nanos) {
        start = nanos;
    }

    /** Counted since the curve started. */
    long current() {
        return count.getAsLong() - base;
    }

    /** Milliseconds from the start to when {@code share} of {@code total} was first reached; NaN if never. */
    double millisTo(double share, long total) {
        long target = (long) Math.ceil(share * total);
        synchronized (points) {
            for (long[] p : points) {
                if (p[1] >= target) {
                    return (p[0] - start) / 1e6;
                }
            }
        }
        return Double.NaN;
    }

    /** Count per second between the moments {@code from} and {@code to} shares of {@code total} were reached. */
    double ratePerSecond(double from, double to, long total) {
        double a = millisTo(from, total);
        double b = millisTo(to, total);
        if (Double.isNaN(a) || Double.isNaN(b) || b <= a) {
            return Double.NaN;
        }
        return (Math.ceil(to * total) - Math.ceil(from * total)) / ((b - a) / 1000.0);
    }

    long peakRss() {
        return peakRss;
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(2000);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
