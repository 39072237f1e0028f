package io.tocsin.radio;

import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.ReceiptSink;
import java.time.Clock;
import java.util.ArrayDeque;

/**
 * Hands receipts to the engine's sink without ever dropping one: when the sink is full they wait here, in
 * order, and go out on the next report or {@link #flush()}. Thread-safe.
 */
public final class Receipts {

    private final ReceiptSink sink;
    private final Clock clock;
    private final ArrayDeque<DeliveryReceipt> waiting = new ArrayDeque<>();

    public Receipts(ReceiptSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    public void report(long dispatchId, DispatchState state, String reason, String peerRef) {
        synchronized (waiting) {
            waiting.add(DeliveryReceipt.of(dispatchId, state, reason, peerRef, clock.instant()));
            flushLocked();
        }
    }

    /** Offers what is waiting; returns how many are still waiting. */
    public int flush() {
        synchronized (waiting) {
            flushLocked();
            return waiting.size();
        }
    }

    private void flushLocked() {
        while (!waiting.isEmpty() && sink.offer(waiting.peek())) {
            waiting.poll();
        }
    }
}
