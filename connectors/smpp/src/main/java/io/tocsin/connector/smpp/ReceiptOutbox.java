package io.tocsin.connector.smpp;

import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.ReceiptSink;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands receipts to the engine's {@link ReceiptSink}; when the sink is full, keeps them in order and offers them
 * again from its own thread. Nothing is dropped. Once anything is waiting, later receipts queue behind it so a
 * dispatch's ACCEPTED is never overtaken by its DELIVERED.
 *
 * <p>Thread-safe: any I/O thread may {@link #emit}.
 */
final class ReceiptOutbox implements AutoCloseable {

    private final ReceiptSink sink;
    private final ConcurrentLinkedQueue<DeliveryReceipt> backlog = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Thread drainer;
    private volatile boolean closed;

    ReceiptOutbox(ReceiptSink sink, String name) {
        this.sink = sink;
        this.drainer = new Thread(this::drain, name + "-receipts");
        this.drainer.setDaemon(true);
        this.drainer.start();
    }

    void emit(DeliveryReceipt receipt) {
        if (waiting.get() == 0 && sink.offer(receipt)) {
            return;
        }
        waiting.incrementAndGet();
        backlog.add(receipt);
        LockSupport.unpark(drainer);
    }

    int waiting() { return waiting.get(); }

    private void drain() {
        while (!closed || !backlog.isEmpty()) {
            DeliveryReceipt head = backlog.peek();
            if (head == null) {
                LockSupport.parkNanos(5_000_000L);
            } else if (sink.offer(head)) {
                backlog.poll();
                waiting.decrementAndGet();
            } else if (closed) {
                return;
            } else {
                LockSupport.parkNanos(200_000L);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(drainer);
        try {
            drainer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
