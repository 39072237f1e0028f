package io.tocsin.connector.smpp;

import java.util.function.LongSupplier;

/**
 * A rate limit of {@code ratePerSecond} with a burst of {@code burst} tokens, on a nanosecond time source.
 * A rate of 0 or less means unlimited. {@link #pauseUntil} stops handing out tokens until a given time (the
 * back-off after a carrier said "throttled").
 *
 * <p>Thread-safe (synchronized; callers are the few submitting threads of one bind or one account).
 */
public final class TokenBucket {

    private final double ratePerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;
    private volatile long pausedUntil;
    private volatile boolean paused;
    private volatile long pauses;

    public TokenBucket(double ratePerSecond, double burst, LongSupplier nanoTime) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
        this.last = nanoTime.getAsLong();
        this.pausedUntil = last;
        this.tokens = 1;
    }

    public boolean unlimited() { return ratePerNano <= 0; }

    /**
     * Takes one token if there is one and answers 0; otherwise takes nothing and answers how many nanoseconds
     * to wait before trying again.
     */
    public long tryAcquire() {
        if (unlimited() && !paused) {
            return 0;
        }
        return tryAcquireLocked();
    }

    private synchronized long tryAcquireLocked() {
        long now = nanoTime.getAsLong();
        if (now - pausedUntil < 0) {
            return pausedUntil - now;
        }
        paused = false;
        if (unlimited()) {
            return 0;
        }
        tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerNano));
    }

    /** Hands out no token before {@code nanos} from now (keeps the later of two pauses). */
    public synchronized void pauseFor(long nanos) {
        long until = nanoTime.getAsLong() + nanos;
        if (until - pausedUntil > 0) {
            pausedUntil = until;
            paused = true;
            pauses++;
            tokens = 0;
            last = until;
        }
    }

    /**
     * Blocks the calling (submitting) thread until it holds a token; false if interrupted or stop says so. A waiting
     * thread reserves the next free slot (the bucket goes into debt) and parks once until it, so many submitters
     * waiting on one bucket wake once per token instead of each polling it every millisecond. A pause that begins
     * meanwhile voids the reservation: the thread waits for the pause and reserves again.
     */
    public boolean acquire(java.util.function.BooleanSupplier stop) {
        if (unlimited() && !paused) {
            return true;
        }
        while (true) {
            long epoch = pauses;
            long wait = reserve();
            if (wait == 0) {
                return true;
            }
            long due = nanoTime.getAsLong() + Math.abs(wait);
            for (long left = Math.abs(wait); left > 0; left = due - nanoTime.getAsLong()) {
                if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    return false;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Math.min(left, 50_000_000L));
            }
            if (wait > 0 && epoch == pauses) {
                return true; // the reserved slot has come
            }
        }
    }

    /**
     * 0 = a token taken now; > 0 = a token reserved that many nanoseconds ahead (the bucket goes into debt);
     * < 0 = paused for that many nanoseconds, nothing reserved.
     */
    private synchronized long reserve() {
        long now = nanoTime.getAsLong();
        if (now - pausedUntil < 0) {
            return -(pausedUntil - now);
        }
        paused = false;
        if (unlimited()) {
            return 0;
        }
        tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : Math.max(1, (long) Math.ceil(-tokens / ratePerNano));
    }
}
