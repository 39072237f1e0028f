package io.tocsin.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IntakeGateTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final IntakeGate gate = new IntakeGate(3, 100_000_000L, clock::get);

    @Test
    void moreThanMaxInFlightWaitingIsTooMany() {
        assertThat(gate.enter()).isNull();
        assertThat(gate.enter()).isNull();
        assertThat(gate.enter()).isNull();

        assertThat(gate.check()).isEqualTo(IntakeGate.Refusal.TOO_MANY);
        assertThat(gate.enter()).isEqualTo(IntakeGate.Refusal.TOO_MANY);
        assertThat(gate.inFlight()).isEqualTo(3);
        gate.left();
        assertThat(gate.check()).isNull();
    }

    @Test
    void aSlowAnswerClosesTheGateWhileOthersWaitAndItReopensWhenNothingWaits() {
        gate.enter();
        long a = gate.now();
        gate.enter();
        long b = gate.now();
        clock.addAndGet(150_000_000L);

        gate.answered(a);
        assertThat(gate.lastDelayNanos()).isEqualTo(150_000_000L);
        assertThat(gate.check()).as("one still waits behind a slow engine").isEqualTo(IntakeGate.Refusal.QUEUE_TOO_LONG);

        gate.answered(b);
        assertThat(gate.check()).as("nothing waits: the queue has drained").isNull();
    }

    @Test
    void aQuickAnswerReopensTheGate() {
        gate.enter();
        long slow = gate.now();
        gate.enter();
        clock.addAndGet(200_000_000L);
        gate.answered(slow);
        assertThat(gate.check()).isEqualTo(IntakeGate.Refusal.QUEUE_TOO_LONG);

        long quick = gate.now();
        gate.enter();
        clock.addAndGet(5_000_000L);
        gate.answered(quick);

        assertThat(gate.inFlight()).isEqualTo(1);
        assertThat(gate.check()).isNull();
    }

    @Test
    void submissionsThatNeverReachedTheEngineTeachNoDelay() {
        gate.enter();
        gate.enter();
        clock.addAndGet(500_000_000L);
        gate.left();

        assertThat(gate.lastDelayNanos()).isZero();
        assertThat(gate.check()).isNull();
    }
}
