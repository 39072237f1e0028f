package io.tocsin.connector.smpp;

import io.tocsin.connector.Connector;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.SendResult;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * A minimal dispatcher for tests and benchmarks: offers dispatches 0..n-1 in order from one thread, keeping a
 * back-pressured or not-connected one and offering it again after a short pause, as the engine's dispatcher does.
 * The pause is 1 ms: the connector's queue holds seconds of work, so a shorter one only burns the CPU that the
 * connector and simulators in the same JVM need (at 200 µs it woke 5,000 times a second for a full queue).
 */
final class OfferLoop {

    long accepted;
    long rejected;
    long backPressured;

    /** Offers all; returns the nanoseconds it took until the last one was taken. */
    long run(Connector connector, int n, LongFunction<Dispatch> make, long deadlineNanos) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Dispatch d = make.apply(i);
            while (true) {
                SendResult r = connector.offer(d);
                if (r == SendResult.ACCEPTED) {
                    accepted++;
                    break;
                }
                if (r == SendResult.REJECTED || r == SendResult.CLOSED) {
                    rejected++;
                    break;
                }
                backPressured++;
                if (System.nanoTime() > deadlineNanos) {
                    throw new IllegalStateException("offer loop ran out of time at dispatch " + i);
                }
                LockSupport.parkNanos(1_000_000L);
            }
        }
        return System.nanoTime() - start;
    }
}
