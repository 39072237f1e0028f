package io.tocsin.connector.smpp;

import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.DispatchState;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Ties one carrier's delivery receipts to dispatches by SMSC message id. ACCEPTED is reported once every segment
 * has a message id; DELIVERED once every segment's receipt says delivered; FAILED or EXPIRED as soon as all
 * segments have a final word and one of them is bad; UNKNOWN when no complete answer came within the receipt
 * timeout. A receipt that arrives before its submit_sm_resp was processed waits briefly (a race between jSMPP's
 * reader and the submitting thread); one whose id is still unknown after that grace is counted and dropped.
 * After a restart, dispatches accepted by the previous run and still awaiting receipts are taken back with
 * {@link #resume}, so their receipts are matched rather than counted unknown.
 *
 * <p>Thread-safe. {@link #sweep} is called periodically by one housekeeping thread.
 */
final class ReceiptCorrelator {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReceiptCorrelator.class);

    private static final long EARLY_GRACE_NANOS = 5_000_000_000L;

    private final String carrier;
    private final ReceiptOutbox outbox;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final long timeoutNanos;
    /** Message id → its Tracker, or an Early receipt that came before its id was known. */
    private final Map<String, Object> byId = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Early> early = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Tracker> awaiting = new ConcurrentLinkedQueue<>();
    final LongAdder matched = new LongAdder();
    final LongAdder unknownIds = new LongAdder();
    final LongAdder timedOut = new LongAdder();
    final LongAdder resumed = new LongAdder();

    private static final class Early {
        final SmscReceipt receipt;
        final long atNanos;

        Early(SmscReceipt receipt, long atNanos) {
            this.receipt = receipt;
            this.atNanos = atNanos;
        }
    }

    ReceiptCorrelator(String carrier, ReceiptOutbox outbox, Clock clock, LongSupplier nanoTime, long timeoutNanos) {
        this.carrier = carrier;
        this.outbox = outbox;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.timeoutNanos = timeoutNanos;
    }

    /** A segment was accepted under this message id. */
    void segmentAccepted(Tracker t, int segment, String messageId) {
        synchronized (t) {
            t.messageIds[segment] = messageId;
        }
        Object before = byId.put(messageId, t);
        if (before instanceof Early) {
            onReceipt(((Early) before).receipt);
        }
    }

    /** Every segment has a message id: report ACCEPTED and start the receipt timer. */
    void allAccepted(Tracker t) {
        synchronized (t) {
            if (t.done) {
                return;
            }
            t.accepted = true;
            outbox.emit(DeliveryReceipt.of(t.dispatchId, DispatchState.ACCEPTED, null, t.peerRef(), clock.instant()));
            if (t.finals == t.segments) {
                finish(t);
                return;
            }
            t.deadlineNanos = nanoTime.getAsLong() + timeoutNanos;
        }
        awaiting.add(t);
    }

    /**
     * A dispatch every segment of which was accepted before a restart (its ids from the journal), still awaiting
     * receipts: correlate them again, with the receipt timer running from the original acceptance
     * ({@code ageNanos} ago). Nothing is reported now: the ledger already has it ACCEPTED.
     */
    void resume(Tracker t, long ageNanos) {
        synchronized (t) {
            t.accepted = true;
            t.deadlineNanos = nanoTime.getAsLong() + Math.max(0, timeoutNanos - Math.max(0, ageNanos));
        }
        resumed.increment();
        awaiting.add(t);
        for (String id : t.messageIds) {
            Object before = byId.put(id, t);
            if (before instanceof Early) {
                onReceipt(((Early) before).receipt);
            }
        }
    }

    /** The dispatch ended before acceptance (permanent error, expiry): forget its ids. */
    void abandon(Tracker t, DispatchState state, String reason) {
        synchronized (t) {
            if (t.done) {
                return;
            }
            t.done = true;
            forget(t);
            outbox.emit(DeliveryReceipt.of(t.dispatchId, state, reason, t.peerRef(), clock.instant()));
        }
    }

    void onReceipt(SmscReceipt r) {
        Object found = byId.get(r.messageId()); // the usual case: its submit is known, nothing to allocate
        if (!(found instanceof Tracker)) {
            Early mine = new Early(r, nanoTime.getAsLong());
            found = byId.compute(r.messageId(), (id, v) -> v == null || v instanceof Early ? mine : v);
            if (found == mine) {
                early.add(mine);
                return;
            }
        }
        Tracker t = (Tracker) found;
        if (!r.isFinal()) {
            return;
        }
        synchronized (t) {
            if (t.done || !byId.remove(r.messageId(), t)) {
                return;
            }
            matched.increment();
            String why = r.state() == DispatchState.DELIVERED ? null
                    : carrier + " " + r.stat() + (r.error() == null ? "" : " err:" + r.error());
            t.fold(r.state(), why);
            if (t.accepted && t.finals == t.segments) {
                finish(t);
            }
        }
    }

    /** Times out receipts overdue and counts receipts whose id never turned up. Returns the work done. */
    int sweep() {
        long now = nanoTime.getAsLong();
        int work = 0;
        // Receipts come back roughly in submit order, so finished heads are dropped too: the queue stays short.
        for (Tracker t = awaiting.peek(); t != null; t = awaiting.peek()) {
            synchronized (t) {
                if (!t.done && now - t.deadlineNanos < 0) {
                    break;
                }
                awaiting.poll();
                if (!t.done) {
                    t.done = true;
                    forget(t);
                    timedOut.increment();
                    outbox.emit(DeliveryReceipt.of(t.dispatchId, DispatchState.UNKNOWN,
                            "no delivery receipt from " + carrier + " in time", t.peerRef(), clock.instant()));
                }
            }
            work++;
        }
        for (Early e = early.peek(); e != null && now - e.atNanos > EARLY_GRACE_NANOS; e = early.peek()) {
            early.poll();
            if (byId.remove(e.receipt.messageId(), e)) {
                unknownIds.increment();
                if (unknownIds.sum() <= 5) {
                    LOG.warn("{}: receipt for unknown message id {} ({})", carrier, e.receipt.messageId(),
                            e.receipt.stat());
                }
            }
            work++;
        }
        return work;
    }

    int tracked() { return byId.size(); }

    int awaitingReceipts() { return awaiting.size(); }

    private void finish(Tracker t) {
        t.done = true;
        DispatchState outcome = t.outcome();
        outbox.emit(DeliveryReceipt.of(t.dispatchId, outcome, t.reason, t.peerRef(), clock.instant()));
    }

    private void forget(Tracker t) {
        for (String id : t.messageIds) {
            if (id != null) {
                byId.remove(id, t);
            }
        }
    }
}
