package io.tocsin.sim;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When requests reached a simulated peer, for latency measurements from outside: the {@code System.nanoTime()}
 * of the first request since the last {@link #arm()}, of the latest request, and how many arrived. Recording is
 * one volatile write and an increment (cheap enough for every PDU). Thread-safe.
 *
 * <pre>
 *   smsc.arrivals().arm();
 *   long sent = System.nanoTime();   ... push an alert ...
 *   long first = smsc.arrivals().firstSinceArm();   // 0 until a request arrived
 * </pre>
 */
public final class Arrivals {
    private final AtomicLong first = new AtomicLong();
    private final AtomicLong count = new AtomicLong();
    private volatile long last;

    /** Called by the simulator as each request arrives (before it is judged: throttled ones count too). */
    public void record() {
        long now = System.nanoTime();
        last = now;
        count.incrementAndGet();
        if (first.get() == 0) {
            first.compareAndSet(0, now);
        }
    }

    /** Forgets the first arrival, so the next request sets it again. */
    public void arm() {
        first.set(0);
    }

    /** nanoTime of the first request since {@link #arm()}, or 0 if none yet. */
    public long firstSinceArm() {
        return first.get();
    }

    /** nanoTime of the latest request, or 0 if none ever. */
    public long last() {
        return last;
    }

    /** Requests so far. */
    public long count() {
        return count.get();
    }
}
