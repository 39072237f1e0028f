package io.tocsin.connector.smpp;

import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.DispatchState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;

/**
 * Everything toward one carrier: its binds, the account-wide TPS bucket, the queue its binds' submitters take
 * from (so a dead bind simply stops taking and the others carry on), a front queue for dispatches to resend
 * after a dropped link, and the receipt correlator fed by every bind's receiving session.
 *
 * <p>Thread-safe. {@link #enqueue} is called by the connector's offering thread; the rest by I/O threads.
 */
final class CarrierLink implements AutoCloseable {

    final CarrierSettings settings;
    final TokenBucket account;
    final ReceiptCorrelator correlator;
    final LongAdder submitted = new LongAdder();
    final LongAdder throttled = new LongAdder();
    final LongAdder transientErrors = new LongAdder();
    final LongAdder inDoubt = new LongAdder();
    final LongAdder resent = new LongAdder();
    final LongAdder otherDeliverSm = new LongAdder();
    final LongAdder unparseable = new LongAdder();
    private final List<Bind> binds = new ArrayList<>();
    private final LinkedBlockingQueue<Outgoing> queue;
    private final ConcurrentLinkedDeque<Outgoing> front = new ConcurrentLinkedDeque<>();
    private final AtomicInteger taken = new AtomicInteger();
    private final AtomicInteger reference = new AtomicInteger();
    private final ReceiptOutbox outbox;
    private final Clock clock;
    private final MessageReceiverListener listener = new Receipts();
    /** Alerts withdrawn: a submitter that took one of their dispatches before the cancel drops it unsent. */
    private final java.util.Set<String> withdrawn = java.util.concurrent.ConcurrentHashMap.newKeySet();

    CarrierLink(CarrierSettings settings, SmppSettings common, ReceiptOutbox outbox, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
        this.account = new TokenBucket(settings.accountTps(), Math.max(1, settings.accountTps() / 200),
                System::nanoTime);
        this.correlator = new ReceiptCorrelator(settings.name(), outbox, clock, System::nanoTime,
                common.receiptTimeout().toNanos());
        this.queue = new LinkedBlockingQueue<>(common.queueCapacity());
        for (int i = 0; i < settings.binds().size(); i++) {
            BindSettings b = settings.binds().get(i);
            binds.add(new Bind(settings.name() + "-" + i, b, common, this));
        }
    }

    void start() { binds.forEach(Bind::start); }

    String name() { return settings.name(); }

    Clock clock() { return clock; }

    MessageReceiverListener receiptListener() { return listener; }

    List<Bind> binds() { return binds; }

    int nextReference() { return reference.incrementAndGet() & 0xFF; }

    boolean anyBound() {
        for (Bind b : binds) {
            if (b.bound()) {
                return true;
            }
        }
        return false;
    }

    int boundCount() {
        int n = 0;
        for (Bind b : binds) {
            n += b.bound() ? 1 : 0;
        }
        return n;
    }

    /** Taken and not yet accepted or finished. */
    int inFlight() { return taken.get(); }

    boolean enqueue(Outgoing o) {
        taken.incrementAndGet();
        if (queue.offer(o)) {
            return true;
        }
        taken.decrementAndGet();
        return false;
    }

    Outgoing next(long waitMillis) {
        Outgoing o = front.pollFirst();
        if (o != null) {
            return o;
        }
        try {
            return queue.poll(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    void requeue(Outgoing o) {
        resent.increment();
        front.addFirst(o);
    }

    void emit(DeliveryReceipt r) { outbox.emit(r); }

    void allAccepted(Outgoing o) {
        taken.decrementAndGet();
        correlator.allAccepted(o.tracker);
    }

    void finished(Outgoing o, DispatchState state, String reason) {
        taken.decrementAndGet();
        correlator.abandon(o.tracker, state, reason);
    }

    /**
     * Cancel wins: removes the alert's dispatches that no bind has started submitting and reports each
     * CANCELLED. Safe against the submitters: each queued dispatch is either taken by one of them or removed here.
     * Called on the offering thread only.
     */
    int withdraw(String alertId) {
        if (withdrawn.size() >= 1024) {
            withdrawn.clear(); // a bounded memory of recent cancels is enough: they matter for the window in hand
        }
        withdrawn.add(alertId);
        // Not removeIf: it tests elements outside the queue's lock, so a submitter could take one we counted.
        // Draining is atomic per element, and only this (the offering) thread puts into the queue, so putting the
        // others back keeps their order; a submitter meanwhile just finds the queue empty for a moment.
        List<Outgoing> all = new ArrayList<>();
        queue.drainTo(all);
        List<Outgoing> mine = new ArrayList<>();
        for (Outgoing o : all) {
            if (o.next == 0 && alertId.equals(o.dispatch.alertId())) {
                mine.add(o);
            } else if (!queue.offer(o)) {
                front.addLast(o);
            }
        }
        for (Outgoing o : front) {
            if (o.next == 0 && alertId.equals(o.dispatch.alertId()) && front.removeFirstOccurrence(o)) {
                mine.add(o);
            }
        }
        for (Outgoing o : mine) {
            finished(o, DispatchState.CANCELLED, "withdrawn before submission: the alert was cancelled");
        }
        return mine.size();
    }

    /**
     * Whether a submitter holding this dispatch (taken before a cancel, waiting for its token) must drop it: its alert
     * was withdrawn and none of its segments went out. Reports it CANCELLED when so.
     */
    boolean dropIfWithdrawn(Outgoing o) {
        if (o.next != 0 || withdrawn.isEmpty() || !withdrawn.contains(o.dispatch.alertId())) {
            return false;
        }
        finished(o, DispatchState.CANCELLED, "withdrawn before submission: the alert was cancelled");
        return true;
    }

    /** Everything still queued (never submitted): handed back on close. */
    List<Outgoing> drain() {
        List<Outgoing> out = new ArrayList<>(front);
        front.clear();
        queue.drainTo(out);
        return out;
    }

    @Override
    public void close() {
        binds.forEach(Bind::close);
    }

    /** deliver_sm from any of this carrier's binds: receipts go to the correlator, anything else is counted. */
    private final class Receipts implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm d) throws ProcessRequestException {
            if (!d.isSmscDeliveryReceipt()) {
                otherDeliverSm.increment();
                return;
            }
            SmscReceipt r = ReceiptParser.parse(d);
            if (r == null) {
                unparseable.increment();
                return;
            }
            correlator.onReceipt(r);
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", 0x03);
        }
    }
}
