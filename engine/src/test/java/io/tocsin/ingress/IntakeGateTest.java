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
        clock.addAndGet(250_000_000L);

        gate.answered(a);
        assertThat(gate.lastDelayNanos()).isEqualTo(250_000_000L);
        assertThat(gate.check()).as("one still waits behind a slow engine").isEqualTo(IntakeGate.Refusal.QUEUE_TOO_LONG);

        gate.answered(b);
        assertThat(gate.check()).as("nothing waits: the queue has drained").isNull();
    }

    @Test
    void aQuickAnswerReopensTheGate() {
        gate.enter();
        long slow = gate.now();
        gate.enter();
        clock.addAndGet(300_000_000L);
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
    void atMostWhatTheEngineAnswersWithinTheTargetDelayMayWait() {
        IntakeGate big = new IntakeGate(100_000, 1_000_000_000L, clock::get);
        for (int i = 0; i < IntakeGate.FLOOR; i++) {
            assertThat(big.check()).isNull();
            big.enter();
        }
        assertThat(big.check()).as("nothing measured yet: the floor").isEqualTo(IntakeGate.Refusal.QUEUE_TOO_LONG);

        // the engine answers 1,000 a second, each quickly: a second's worth may wait
        for (int window = 0; window < 8; window++) {
            for (int i = 0; i < 250; i++) {
                big.enter();
                long at = big.now();
                clock.addAndGet(1_000_000L);
                big.answered(at);
            }
        }
        assertThat(big.answersPerSecond()).isBetween(900.0, 1100.0);
        assertThat(big.limit()).isBetween(900, 1100);
        while (big.inFlight() < big.limit()) {
            assertThat(big.check()).isNull();
            big.enter();
        }
        assertThat(big.check()).isEqualTo(IntakeGate.Refusal.QUEUE_TOO_LONG);
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
