package io.tocsin.ingress;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Admission of alert submissions before their body is read or parsed, so that under overload excess requests
 * are refused at once (429/503 with Retry-After) on the I/O thread instead of waiting in socket buffers or in
 * the engine's queue until the ack timeout. Three bounds:
 * <ul>
 *   <li><b>count</b>: at most {@code maxInFlight} submissions waiting for the engine's answer (more → 429);</li>
 *   <li><b>what the engine can answer within the target delay</b> (Little's law): at most the engine's measured
 *   answer rate × {@code maxQueueDelay} submissions wait (never fewer than {@value #FLOOR}, so a burst at an idle
 *   engine is taken); more → 503. This sheds at whatever the engine's real rate is, without a configured rate,
 *   and keeps an accepted alert's wait for its 202 near {@code maxQueueDelay};</li>
 *   <li><b>a slow engine</b>: while submissions wait and the last answered one waited over twice
 *   {@code maxQueueDelay}, new ones get 503 until the queue has drained or an answer comes back quickly.</li>
 * </ul>
 * Thread-safe (atomics and volatiles; the rate window is advanced by whichever thread wins a CAS).
 */
final class IntakeGate {
    /** Why a submission was not admitted; null when admitted. */
    enum Refusal { TOO_MANY, QUEUE_TOO_LONG }

    /** Fewest submissions let wait whatever the measured rate (an idle engine has measured nothing). */
    static final int FLOOR = 64;
    /** How often the answer rate is re-estimated. */
    static final long WINDOW_NANOS = 250_000_000L;

    private final int maxInFlight;
    private final long maxQueueDelayNanos;
    private final LongSupplier nanoTime;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong answersInWindow = new AtomicLong();
    private final AtomicLong windowStart;
    private volatile long lastDelayNanos;
    private volatile double answersPerSecond;

    IntakeGate(int maxInFlight, long maxQueueDelayNanos, LongSupplier nanoTime) {
        this.maxInFlight = maxInFlight;
        this.maxQueueDelayNanos = maxQueueDelayNanos;
        this.nanoTime = nanoTime;
        this.windowStart = new AtomicLong(nanoTime.getAsLong());
    }

    /** The cheap check at the request's head (nothing is counted yet); null = go on reading the body. */
    Refusal check() {
        int n = inFlight.get();
        if (n >= maxInFlight) {
            return Refusal.TOO_MANY;
        }
        if (n >= limit() || (n > 0 && lastDelayNanos > 2 * maxQueueDelayNanos)) {
            return Refusal.QUEUE_TOO_LONG;
        }
        return null;
    }

    /** Submissions the engine answers within the target delay at its measured rate (at least {@link #FLOOR}). */
    int limit() {
        return (int) Math.max(FLOOR, Math.min(Integer.MAX_VALUE, answersPerSecond * maxQueueDelayNanos / 1e9));
    }

    /** The engine's answer rate as last estimated (answers per second, smoothed). */
    double answersPerSecond() {
        return answersPerSecond;
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
        long now = nanoTime.getAsLong();
        lastDelayNanos = now - enteredNanos;
        inFlight.decrementAndGet();
        answersInWindow.incrementAndGet();
        long start = windowStart.get();
        if (now - start >= WINDOW_NANOS && windowStart.compareAndSet(start, now)) {
            double measured = answersInWindow.getAndSet(0) * 1e9 / (now - start);
            double previous = answersPerSecond;
            // A busy engine's rate is what it can do; smoothing keeps one slow window from halving the limit.
            answersPerSecond = previous == 0 ? measured : 0.5 * previous + 0.5 * measured;
        }
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
