package io.tocsin.ingress;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Admission of alert submissions before their body is read or parsed, so that under overload excess requests
 * are refused at once (429/503 with Retry-After) on the I/O thread instead of waiting in socket buffers or in
 * the engine's queue until the ack timeout. Two bounds:
 * <ul>
 *   <li><b>count</b>: at most {@code maxInFlight} submissions waiting for the engine's answer (more → 429);</li>
 *   <li><b>queue delay</b>: while submissions are waiting and the last answered one waited longer than
 *   {@code maxQueueDelay} for the engine, new ones are refused (503). The engine's queue then drains; once
 *   nothing waits (or an answer comes back quickly) submissions are taken again. This sheds at whatever the
 *   engine's real rate is, without a configured rate, and keeps an accepted alert's wait for its 202 bounded.</li>
 * </ul>
 * Thread-safe (atomic counter, volatile last delay).
 */
final class IntakeGate {
    /** Why a submission was not admitted; null when admitted. */
    enum Refusal { TOO_MANY, QUEUE_TOO_LONG }

    private final int maxInFlight;
    private final long maxQueueDelayNanos;
    private final LongSupplier nanoTime;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long lastDelayNanos;

    IntakeGate(int maxInFlight, long maxQueueDelayNanos, LongSupplier nanoTime) {
        this.maxInFlight = maxInFlight;
        this.maxQueueDelayNanos = maxQueueDelayNanos;
        this.nanoTime = nanoTime;
    }

    /** The cheap check at the request's head (nothing is counted yet); null = go on reading the body. */
    Refusal check() {
        int n = inFlight.get();
        if (n >= maxInFlight) {
            return Refusal.TOO_MANY;
        }
        if (n > 0 && lastDelayNanos > maxQueueDelayNanos) {
            return Refusal.QUEUE_TOO_LONG;
        }
        return null;
    }

    /** Counts a submission in; null = admitted (then {@link #answered} must follow), else why not. */
    Refusal enter() {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            return Refusal.TOO_MANY;
        }
        return null;
    }

    /** The current time, for {@link #answered}. */
    long now() {
        return nanoTime.getAsLong();
    }

    /** An admitted submission got its answer; {@code enteredNanos} from {@link #now()} when it was handed over. */
    void answered(long enteredNanos) {
        lastDelayNanos = nanoTime.getAsLong() - enteredNanos;
        inFlight.decrementAndGet();
    }

    /** A submission that never reached the engine (refused while reading it): no delay measured. */
    void left() {
        inFlight.decrementAndGet();
    }

    int inFlight() {
        return inFlight.get();
    }

    /** How long the last answered submission waited for the engine (nanoseconds). */
    long lastDelayNanos() {
        return lastDelayNanos;
    }
}
