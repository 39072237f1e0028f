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
            tokens = 0;
            last = until;
        }
    }

    /** Blocks the calling (submitting) thread until it holds a token; false if interrupted or stop says so. */
    public boolean acquire(java.util.function.BooleanSupplier stop) {
        while (true) {
            long wait = tryAcquire();
            if (wait == 0) {
                return true;
            }
            if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(wait, 50_000_000L));
        }
    }
}
