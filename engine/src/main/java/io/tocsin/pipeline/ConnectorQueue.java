package io.tocsin.pipeline;

import io.tocsin.connector.Connector;
import io.tocsin.connector.DispatchAction;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * One connector's queue and limits. Dispatches wait in priority classes — withdrawals and pre-approved
 * corrections (class 0), then
 * severity x urgency (Extreme/Immediate = 1 ... Unknown/Unknown = 25) — and in arrival order within a class.
 * Pipeline thread only.
 */
final class ConnectorQueue {
    static final int CLASSES = 27;

    final Connector connector;
    final String carrier;
    final DispatchLimits limits;
    final TokenBucket bucket;
    @SuppressWarnings("unchecked")
    private final ArrayDeque<QueuedBatch>[] classes = new ArrayDeque[CLASSES];
    private long depth;
    int inFlight;
    long retryAtNanos;
    int backoffs;
    boolean closed;
    long offered;
    long rejected;

    ConnectorQueue(Connector connector, String carrier, DispatchLimits limits, long nowNanos) {
        this.connector = connector;
        this.carrier = carrier;
        this.limits = limits;
        this.bucket = new TokenBucket(limits.ratePerSecond(), limits.burst(), nowNanos);
        for (int i = 0; i < CLASSES; i++) {
            classes[i] = new ArrayDeque<>();
        }
    }

    String name() { return connector.name(); }

    long depth() { return depth; }

    boolean hasRoom() { return depth < limits.maxQueued(); }

    /** Room for a pre-approved correction: one more {@code maxQueued} above the ordinary bound. */
    boolean hasCorrectionRoom() { return depth < 2L * limits.maxQueued(); }

    void add(QueuedBatch b) {
        classes[Math.min(b.priorityClass, CLASSES - 1)].addLast(b);
        depth += b.remaining();
    }

    /** Puts a batch back at the head of its class (a retry keeps its place in line). */
    void addFirst(QueuedBatch b) {
        classes[Math.min(b.priorityClass, CLASSES - 1)].addFirst(b);
        depth += b.remaining();
    }

    /** Whether withdrawals or corrections (class 0) wait here: the dispatcher serves those queues first. */
    boolean hasUrgent() { return !classes[0].isEmpty(); }

    QueuedBatch peek() {
        for (ArrayDeque<QueuedBatch> q : classes) {
            QueuedBatch b = q.peekFirst();
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    void advance(QueuedBatch b, int n) {
        b.cursor += n;
        depth -= n;
        if (b.remaining() == 0) {
            classes[Math.min(b.priorityClass, CLASSES - 1)].remove(b);
        }
    }

    void drop(QueuedBatch b) {
        depth -= b.remaining();
        classes[Math.min(b.priorityClass, CLASSES - 1)].remove(b);
    }

    /** Removes every queued send/update of the alert; returns how many dispatches were removed. */
    long purge(String alertId) {
        long removed = 0;
        for (ArrayDeque<QueuedBatch> q : classes) {
            for (Iterator<QueuedBatch> it = q.iterator(); it.hasNext(); ) {
                QueuedBatch b = it.next();
                if (b.meta.action() != DispatchAction.CANCEL && b.meta.alertId().equals(alertId)) {
                    removed += b.remaining();
                    it.remove();
                }
            }
        }
        depth -= removed;
        return removed;
    }
}
