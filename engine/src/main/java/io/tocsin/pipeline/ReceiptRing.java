package io.tocsin.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.ReceiptSink;

/**
 * The bounded receipts ring from connector I/O threads to the pipeline thread. {@link #offer} never blocks: a
 * full ring returns false and the connector offers again later. Thread-safe (multi-producer).
 */
final class ReceiptRing implements ReceiptSink {
    /** A mutable ring slot. */
    static final class Slot {
        DeliveryReceipt receipt;
    }

    private static final EventTranslatorOneArg<Slot, DeliveryReceipt> FILL = (slot, seq, r) -> slot.receipt = r;

    private final RingBuffer<Slot> ring;
    private final EventPoller<Slot> poller;
    private final Doorbell doorbell;

    ReceiptRing(int size, Doorbell doorbell) {
        this.ring = RingBuffer.createMultiProducer(Slot::new, size, new BlockingWaitStrategy());
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.doorbell = doorbell;
    }

    @Override
    public boolean offer(DeliveryReceipt receipt) {
        if (!ring.tryPublishEvent(FILL, receipt)) {
            return false;
        }
        doorbell.ring();
        return true;
    }

    EventPoller<Slot> poller() { return poller; }

    boolean hasWork() { return ring.getCursor() > poller.getSequence().get(); }

    long remainingCapacity() { return ring.remainingCapacity(); }
}
