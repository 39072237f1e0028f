package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.DispatchState;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReceiptCorrelatorTest {

    private final AtomicLong now = new AtomicLong();
    private final List<DeliveryReceipt> out = new CopyOnWriteArrayList<>();
    private final ReceiptOutbox outbox = new ReceiptOutbox(out::add, "test");
    private final ReceiptCorrelator correlator = new ReceiptCorrelator("cmcc", outbox, Clock.systemUTC(), now::get,
            10_000_000_000L);

    @AfterEach
    void close() {
        outbox.close();
    }

    private static SmscReceipt delivered(String id) {
        return new SmscReceipt(id, DispatchState.DELIVERED, "DELIVRD", "000");
    }

    private List<DispatchState> states() {
        return out.stream().map(DeliveryReceipt::state).toList();
    }

    @Test
    void multiSegmentDispatchIsDeliveredOnlyWhenEverySegmentIs() {
        Tracker t = new Tracker(7, 2);
        correlator.segmentAccepted(t, 0, "a");
        correlator.segmentAccepted(t, 1, "b");
        correlator.allAccepted(t);
        correlator.onReceipt(delivered("a"));
        assertThat(states()).containsExactly(DispatchState.ACCEPTED);
        correlator.onReceipt(delivered("b"));
        assertThat(states()).containsExactly(DispatchState.ACCEPTED, DispatchState.DELIVERED);
        assertThat(out.get(1).peerRef()).isEqualTo("a,b");
    }

    @Test
    void oneFailedSegmentFailsTheDispatchWithTheCarriersWord() {
        Tracker t = new Tracker(8, 2);
        correlator.segmentAccepted(t, 0, "a");
        correlator.segmentAccepted(t, 1, "b");
        correlator.allAccepted(t);
        correlator.onReceipt(new SmscReceipt("a", DispatchState.FAILED, "UNDELIV", "001"));
        correlator.onReceipt(delivered("b"));
        assertThat(states()).containsExactly(DispatchState.ACCEPTED, DispatchState.FAILED);
        assertThat(out.get(1).reason()).contains("UNDELIV").contains("cmcc");
    }

    @Test
    void receiptThatOvertakesItsSubmitResponseIsStillMatched() {
        correlator.onReceipt(delivered("early"));
        Tracker t = new Tracker(9, 1);
        correlator.segmentAccepted(t, 0, "early");
        correlator.allAccepted(t);
        assertThat(states()).containsExactly(DispatchState.ACCEPTED, DispatchState.DELIVERED);
        now.addAndGet(60_000_000_000L);
        correlator.sweep();
        assertThat(correlator.unknownIds.sum()).isZero();
    }

    @Test
    void receiptForAnUnknownIdIsCountedAfterTheGraceAndNothingBreaks() {
        correlator.onReceipt(delivered("nobody"));
        correlator.sweep();
        assertThat(correlator.unknownIds.sum()).isZero();
        now.addAndGet(6_000_000_000L);
        correlator.sweep();
        assertThat(correlator.unknownIds.sum()).isEqualTo(1);
        assertThat(out).isEmpty();
    }

    @Test
    void noReceiptWithinTheTimeoutMakesTheOutcomeUnknown() {
        Tracker t = new Tracker(10, 1);
        correlator.segmentAccepted(t, 0, "x");
        correlator.allAccepted(t);
        now.addAndGet(9_999_000_000L);
        correlator.sweep();
        assertThat(states()).containsExactly(DispatchState.ACCEPTED);
        now.addAndGet(1_000_000L);
        correlator.sweep();
        assertThat(states()).containsExactly(DispatchState.ACCEPTED, DispatchState.UNKNOWN);
        correlator.onReceipt(delivered("x"));
        assertThat(states()).hasSize(2);
        assertThat(correlator.timedOut.sum()).isEqualTo(1);
    }

    @Test
    void dispatchResumedAfterARestartIsDeliveredByItsReceiptsWithoutAnotherAccepted() {
        Tracker t = new Tracker(11, 2);
        t.messageIds[0] = "r1";
        t.messageIds[1] = "r2";
        correlator.resume(t, 0);
        correlator.onReceipt(delivered("r1"));
        assertThat(states()).isEmpty();
        correlator.onReceipt(delivered("r2"));
        assertThat(states()).containsExactly(DispatchState.DELIVERED);
        assertThat(out.get(0).peerRef()).isEqualTo("r1,r2");
        assertThat(correlator.resumed.sum()).isEqualTo(1);
        now.addAndGet(60_000_000_000L);
        correlator.sweep();
        assertThat(correlator.unknownIds.sum()).isZero();
        assertThat(correlator.tracked()).isZero();
    }

    @Test
    void resumedDispatchTimesOutFromItsOriginalAcceptanceNotFromTheRestart() {
        Tracker t = new Tracker(12, 1);
        t.messageIds[0] = "old";
        correlator.resume(t, 9_000_000_000L); // accepted 9 s before the restart; timeout 10 s
        now.addAndGet(999_000_000L);
        correlator.sweep();
        assertThat(states()).isEmpty();
        now.addAndGet(1_000_000L);
        correlator.sweep();
        assertThat(states()).containsExactly(DispatchState.UNKNOWN);
        assertThat(correlator.tracked()).isZero();
    }

    @Test
    void receiptArrivingJustBeforeTheResumeIsStillMatched() {
        correlator.onReceipt(delivered("race"));
        Tracker t = new Tracker(13, 1);
        t.messageIds[0] = "race";
        correlator.resume(t, 0);
        assertThat(states()).containsExactly(DispatchState.DELIVERED);
        now.addAndGet(6_000_000_000L);
        correlator.sweep();
        assertThat(correlator.unknownIds.sum()).isZero();
    }

    @Test
    void sinkThatIsFullGetsTheReceiptsLaterInOrder() {
        AtomicLong refusals = new AtomicLong(3);
        List<DeliveryReceipt> got = new CopyOnWriteArrayList<>();
        try (ReceiptOutbox slow = new ReceiptOutbox(r -> refusals.getAndDecrement() <= 0 && got.add(r), "slow")) {
            for (int i = 0; i < 5; i++) {
                slow.emit(DeliveryReceipt.of(i, DispatchState.SUBMITTED, null, null, null));
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> got.size() == 5);
        }
        assertThat(got).extracting(DeliveryReceipt::dispatchId).containsExactly(0L, 1L, 2L, 3L, 4L);
    }
}
