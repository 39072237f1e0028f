package io.tocsin.pipeline;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * How producers wake the pipeline thread when it has nothing to do: the blocking wait of the design, without a
 * lock on the publish path. Producers publish first, then {@link #ring()}; the sleeper announces itself, then
 * re-checks for work before parking, so no wake-up is lost (both sides use volatile accesses).
 *
 * <p>Thread-safety: {@link #ring()} from any thread; {@link #sleep} from the pipeline thread only.
 */
public final class Doorbell {
    private volatile Thread sleeper;

    public void ring() {
        Thread t = sleeper;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    public void sleep(long maxNanos, BooleanSupplier hasWork) {
        sleeper = Thread.currentThread();
        try {
            if (!hasWork.getAsBoolean()) {
                LockSupport.parkNanos(this, maxNanos);
            }
        } finally {
            sleeper = null;
        }
    }
}
