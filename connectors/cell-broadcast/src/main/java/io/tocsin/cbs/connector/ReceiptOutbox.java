package io.tocsin.cbs.connector;

import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.ReceiptSink;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Hands receipts to the engine's bounded sink; what the sink refuses (ring full) waits here, in order, and
 * is offered again by {@link #drain()} (called on a timer). Nothing is dropped. Thread-safe.
 */
public final class ReceiptOutbox {
    private final ReceiptSink sink;
    private final ConcurrentLinkedQueue<DeliveryReceipt> waiting = new ConcurrentLinkedQueue<>();

    public ReceiptOutbox(ReceiptSink sink) {
        this.sink = sink;
    }

    public void send(DeliveryReceipt r) {
        if (!waiting.isEmpty() || !sink.offer(r)) {
            waiting.add(r);
            drain();
        }
    }

    public synchronized void drain() {
        DeliveryReceipt r;
        while ((r = waiting.peek()) != null) {
            if (!sink.offer(r)) {
                return;
            }
            waiting.poll();
        }
    }

    public int waiting() {
        return waiting.size();
    }
}
