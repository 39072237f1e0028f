package io.tocsin.sim.smpp;

/** A token bucket answering yes/no at once (the SMSC does not wait: it says 0x58). Thread-safe. */
final class Limiter {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last = System.nanoTime();

    Limiter(double perSecond) {
        this.perNano = perSecond / 1e9;
        this.burst = Math.max(2, perSecond / 10);
        this.tokens = burst;
    }

    synchronized boolean tryTake() {
        if (perNano <= 0) {
            return true;
        }
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
