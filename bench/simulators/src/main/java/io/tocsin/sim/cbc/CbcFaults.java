package io.tocsin.sim.cbc;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults the simulated CBC injects, shared by its endpoints:
 * <ul>
 *   <li>{@link #noReply} — the next n requests get no answer at all (the client must time out); with
 *       {@code apply} the operation still happens first, as in osmo-cbc's REST hand-off race;</li>
 *   <li>{@link #failNext} — the next n requests are answered with a status (e.g. 503) and not applied;</li>
 *   <li>{@link #failCells} — these cells fail to install any message (reported back per cell);</li>
 *   <li>{@link #latency} — every answer is delayed.</li>
 * </ul>
 * Taking one endpoint down is {@link CbcEndpoint#stop()}. Thread-safe.
 */
public final class CbcFaults {
    private final AtomicInteger noReply = new AtomicInteger();
    private volatile boolean noReplyApplies;
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failStatus = 503;
    private final Set<String> failingCells = ConcurrentHashMap.newKeySet();
    private final AtomicLong latencyNanos = new AtomicLong();

    public CbcFaults noReply(int count, boolean apply) {
        noReplyApplies = apply;
        noReply.set(count);
        return this;
    }

    public CbcFaults failNext(int count, int status) {
        failStatus = status;
        failNext.set(count);
        return this;
    }

    public CbcFaults failCells(Collection<String> cells) {
        failingCells.addAll(cells);
        return this;
    }

    public CbcFaults latency(Duration latency) {
        latencyNanos.set(latency.toNanos());
        return this;
    }

    public CbcFaults clear() {
        noReply.set(0);
        failNext.set(0);
        failingCells.clear();
        latencyNanos.set(0);
        return this;
    }

    Set<String> failingCells() {
        return failingCells;
    }

    long latencyNanos() {
        return latencyNanos.get();
    }

    /** Takes one no-reply token if any: 0 none, 1 drop without applying, 2 apply then drop. */
    int takeNoReply() {
        if (noReply.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return noReplyApplies ? 2 : 1;
        }
        return 0;
    }

    /** Takes one failure token if any: the status to answer with, else 0. */
    int takeFailure() {
        return failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 ? failStatus : 0;
    }
}
