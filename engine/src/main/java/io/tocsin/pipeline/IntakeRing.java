package io.tocsin.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.EventTranslatorVararg;
import com.lmax.disruptor.RingBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link AlertIntake} ingress threads call: claims a slot of a bounded Disruptor ring (never blocks; a full
 * ring answers SATURATED at once) and rings the pipeline's {@link Doorbell}. Thread-safe (multi-producer).
 */
final class IntakeRing implements AlertIntake {
    private static final EventTranslatorVararg<IntakeEvent> FILL = (slot, seq, args) -> {
        slot.kind = (IntakeEvent.Kind) args[0];
        slot.submission = (Submission) args[1];
        slot.alertId = (String) args[2];
        slot.operator = (String) args[3];
        slot.reason = (String) args[4];
        @SuppressWarnings("unchecked")
        CompletableFuture<IntakeOutcome> f = (CompletableFuture<IntakeOutcome>) args[5];
        slot.future = f;
    };

    private final RingBuffer<IntakeEvent> ring;
    private final EventPoller<IntakeEvent> poller;
    private final Doorbell doorbell;
    private volatile boolean open = true;

    IntakeRing(int size, Doorbell doorbell) {
        this.ring = RingBuffer.createMultiProducer(IntakeEvent::new, size, new BlockingWaitStrategy());
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.doorbell = doorbell;
    }

    @Override
    public CompletableFuture<IntakeOutcome> submit(Submission submission) {
        return publish(IntakeEvent.Kind.SUBMIT, submission, null, null, null);
    }

    @Override
    public CompletableFuture<IntakeOutcome> cancel(String alertId, String operator, String reason) {
        return publish(IntakeEvent.Kind.CANCEL, null, alertId, operator, reason);
    }

    @Override
    public CompletableFuture<IntakeOutcome> approve(String alertId, String operator) {
        return publish(IntakeEvent.Kind.APPROVE, null, alertId, operator, null);
    }

    @Override
    public CompletableFuture<IntakeOutcome> reject(String alertId, String operator, String reason) {
        return publish(IntakeEvent.Kind.REJECT, null, alertId, operator, reason);
    }

    private CompletableFuture<IntakeOutcome> publish(IntakeEvent.Kind kind, Submission s, String alertId,
                                                     String operator, String reason) {
        if (!open) {
            return CompletableFuture.completedFuture(IntakeOutcome.saturated("engine is stopping"));
        }
        CompletableFuture<IntakeOutcome> future = new CompletableFuture<>();
        if (!ring.tryPublishEvent(FILL, kind, s, alertId, operator, reason, future)) {
            return CompletableFuture.completedFuture(IntakeOutcome.saturated("pipeline ring full"));
        }
        doorbell.ring();
        return future;
    }

    EventPoller<IntakeEvent> poller() { return poller; }

    boolean hasWork() { return ring.getCursor() > poller.getSequence().get(); }

    long remainingCapacity() { return ring.remainingCapacity(); }

    void closeIntake() { open = false; }
}
