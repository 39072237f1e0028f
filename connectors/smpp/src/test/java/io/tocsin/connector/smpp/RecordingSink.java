package io.tocsin.connector.smpp;

import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.ReceiptSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A receipt sink for tests: per dispatch id (0..n-1) the set of states seen (a bit per state) and the last one,
 * counts per state, illegal transitions, and optionally every receipt. Thread-safe.
 */
final class RecordingSink implements ReceiptSink {

    private final AtomicIntegerArray seen;
    private final AtomicIntegerArray last;
    private final Map<DispatchState, LongAdder> counts = new EnumMap<>(DispatchState.class);
    final LongAdder illegal = new LongAdder();
    final List<DeliveryReceipt> all = Collections.synchronizedList(new ArrayList<>());
    final Map<Long, String> reasons = new ConcurrentHashMap<>();
    private final boolean keepAll;

    RecordingSink(int dispatches, boolean keepAll) {
        this.seen = new AtomicIntegerArray(dispatches);
        this.last = new AtomicIntegerArray(dispatches);
        this.keepAll = keepAll;
        for (DispatchState s : DispatchState.values()) {
            counts.put(s, new LongAdder());
        }
    }

    @Override
    public boolean offer(DeliveryReceipt r) {
        int i = (int) r.dispatchId();
        int before = last.getAndSet(i, r.state().ordinal() + 1);
        DispatchState previous = before == 0 ? DispatchState.PLANNED : DispatchState.values()[before - 1];
        if (previous != r.state() && !previous.canMoveTo(r.state())) {
            illegal.increment();
        }
        seen.getAndUpdate(i, v -> v | (1 << r.state().ordinal()));
        counts.get(r.state()).increment();
        if (r.reason() != null && r.state() != DispatchState.SUBMITTED) {
            reasons.put(r.dispatchId(), r.reason());
        }
        if (keepAll) {
            all.add(r);
        }
        return true;
    }

    long count(DispatchState s) { return counts.get(s).sum(); }

    boolean saw(long id, DispatchState s) { return (seen.get((int) id) & (1 << s.ordinal())) != 0; }

    DispatchState last(long id) {
        int v = last.get((int) id);
        return v == 0 ? null : DispatchState.values()[v - 1];
    }

    /** Dispatches whose last state is terminal or UNKNOWN: the connector has said its final word. */
    int settled() {
        int n = 0;
        for (int i = 0; i < last.length(); i++) {
            DispatchState s = last((long) i);
            if (s != null && (s.terminal() || s == DispatchState.UNKNOWN)) {
                n++;
            }
        }
        return n;
    }
}
