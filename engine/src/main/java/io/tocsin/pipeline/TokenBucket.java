package io.tocsin.pipeline;

/**
 * A per-connector rate limit on the injected clock's nanoseconds. Not thread-safe (the pipeline thread only).
 */
final class TokenBucket {
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        this.perNano = ratePerSecond <= 0 ? 0 : ratePerSecond / 1e9;
        this.capacity = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    boolean unlimited() { return perNano == 0; }

    /** Whole tokens available now (Integer.MAX_VALUE when unlimited). */
    int available(long nowNanos) {
        if (unlimited()) {
            return Integer.MAX_VALUE;
        }
        if (nowNanos > last) {
            tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
            last = nowNanos;
        }
        return (int) tokens;
    }

    void take(int n) {
        if (!unlimited()) {
            tokens -= n;
        }
    }

    /** Nanoseconds until one whole token is available. */
    long nanosToNextToken() {
        if (unlimited() || tokens >= 1) {
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}
