package io.tocsin.cbs.connector;

import java.time.Clock;

/**
 * A request-rate limit: {@code ratePerSecond} tokens a second, bursts up to one second's worth (at least
 * {@code minBurst}). Rate 0 = unlimited. Time from the injected clock. Thread-safe (synchronized).
 */
public final class TokenBucket {
    private final double ratePerNano;
    private final double capacity;
    private final Clock clock;
    private double tokens;
    private long last;

    public TokenBucket(double ratePerSecond, int minBurst, Clock clock) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.capacity = Math.max(ratePerSecond, minBurst);
        this.clock = clock;
        this.tokens = capacity;
        this.last = nanos();
    }

    /** Takes n tokens if they are there; false (and nothing taken) otherwise. */
    public synchronized boolean tryTake(int n) {
        if (ratePerNano == 0) {
            return true;
        }
        long now = nanos();
        tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
        last = now;
        if (tokens < n) {
            return false;
        }
        tokens -= n;
        return true;
    }

    private long nanos() {
        java.time.Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
