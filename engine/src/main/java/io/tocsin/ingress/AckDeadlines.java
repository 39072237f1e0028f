package io.tocsin.ingress;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Fails the engine's answers that take longer than the ack timeout with a {@link TimeoutException} (the route
 * turns that into 503 + Retry-After), as {@code orTimeout} would, without a timer task per request.
 *
 * <p>Every deadline is "now + the same timeout", so the watched answers queue up in deadline order and one sweep
 * every {@code timeout / 20} (5–100 ms) only looks at the head: answered ones are dropped, overdue ones failed.
 * {@code orTimeout} put a task into the JDK's shared delay scheduler per request and cancelled it on the answer,
 * taking its lock twice and waking its thread whenever the queue had drained, i.e. at nearly every request at
 * moderate rates. A deadline here may fire up to one sweep period late.
 *
 * <p>Thread-safety: {@link #watch} from any thread; {@link #sweep} runs on the sweeper (or a test's thread).
 */
final class AckDeadlines implements AutoCloseable {
    private record Pending(CompletableFuture<?> answer, long deadline) {
    }

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final long timeoutNanos;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService sweeper;

    /** With its own daemon sweeper thread. */
    AckDeadlines(Duration timeout) {
        this(timeout, System::nanoTime, true);
    }

    /** {@code sweeping} false: no thread; the caller calls {@link #sweep} (tests, with a manual clock). */
    AckDeadlines(Duration timeout, LongSupplier nanoClock, boolean sweeping) {
        this.timeoutNanos = timeout.toNanos();
        this.nanoClock = nanoClock;
        if (!sweeping) {
            this.sweeper = null;
            return;
        }
        long period = Math.max(5, Math.min(100, timeout.toMillis() / 20));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tocsin-ack-deadlines");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** Watches {@code answer}: if it is not complete by the deadline it completes with a TimeoutException. */
    <T> CompletableFuture<T> watch(CompletableFuture<T> answer) {
        if (!answer.isDone()) {
            queue.offer(new Pending(answer, nanoClock.getAsLong() + timeoutNanos));
        }
        return answer;
    }

    /** Drops answered heads, fails overdue ones; returns how many it failed. */
    int sweep() {
        long now = nanoClock.getAsLong();
        int failed = 0;
        for (Pending p = queue.peek(); p != null; p = queue.peek()) {
            if (!p.answer().isDone() && now - p.deadline() < 0) {
                break;
            }
            queue.poll();
            // an answered request (nearly all) leaves without an exception being made for it
            if (!p.answer().isDone()
                    && p.answer().completeExceptionally(new TimeoutException("no answer from the engine in time"))) {
                failed++;
            }
        }
        return failed;
    }

    /** Answers still watched (answered ones leave at the next sweep). */
    int watched() {
        return queue.size();
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }
}
