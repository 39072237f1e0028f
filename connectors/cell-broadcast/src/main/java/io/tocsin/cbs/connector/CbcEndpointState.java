package io.tocsin.cbs.connector;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connector's view of one CBC front end: up or down, consecutive failures, requests in flight and its
 * rate limit. Marked down at once when a connect is refused, after {@code failuresToDown} consecutive
 * timeouts or 5xx answers; marked up by any answer or a successful health probe. Thread-safe.
 */
public final class CbcEndpointState {
    private final EndpointSettings settings;
    private final int failuresToDown;
    private final TokenBucket rate;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile boolean up = true;
    private volatile String lastProblem = "";

    public CbcEndpointState(EndpointSettings settings, int failuresToDown, Clock clock) {
        this.settings = settings;
        this.failuresToDown = failuresToDown;
        this.rate = new TokenBucket(settings.ratePerSecond(), 16, clock);
    }

    public EndpointSettings settings() {
        return settings;
    }

    public boolean up() {
        return up;
    }

    public String lastProblem() {
        return lastProblem;
    }

    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Reserves n in-flight slots and n rate tokens if both are there (all or nothing); the caller
     * {@link #release}s the slots as the requests finish.
     */
    public boolean tryAdmit(int n) {
        int cur;
        do {
            cur = inFlight.get();
            if (cur + n > settings.maxInFlight()) {
                return false;
            }
        } while (!inFlight.compareAndSet(cur, cur + n));
        if (!rate.tryTake(n)) {
            inFlight.addAndGet(-n);
            return false;
        }
        return true;
    }

    public void release(int n) {
        inFlight.addAndGet(-n);
    }

    void answered() {
        failures.set(0);
        up = true;
    }

    void refused(String why) {
        lastProblem = why;
        up = false;
    }

    void failed(String why) {
        lastProblem = why;
        if (failures.incrementAndGet() >= failuresToDown) {
            up = false;
        }
    }

    void probed(boolean reachable, String why) {
        if (reachable) {
            if (!up && failures.get() >= failuresToDown) {
                failures.set(failuresToDown - 1);
            }
            up = true;
        } else {
            refused(why);
        }
    }
}
