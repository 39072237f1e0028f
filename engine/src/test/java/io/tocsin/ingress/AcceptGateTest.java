package io.tocsin.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AcceptGateTest {

    @Test
    void servesUpToItsLimitRefusesPastItAndStopsAcceptingAtTheCeilingUntilOneCloses() {
        EmbeddedChannel listening = new EmbeddedChannel();
        AcceptGate gate = new AcceptGate(2, 4);
        gate.watch(listening);
        assertThat(gate.opened()).isTrue();
        assertThat(gate.opened()).isTrue();
        assertThat(gate.opened()).as("past the served limit: refused").isFalse();
        assertThat(listening.config().isAutoRead()).isTrue();
        assertThat(gate.opened()).isFalse();
        assertThat(gate.accepting()).as("at the ceiling").isFalse();
        assertThat(listening.config().isAutoRead()).isFalse();
        gate.closed();
        assertThat(gate.accepting()).isTrue();
        assertThat(listening.config().isAutoRead()).isTrue();
        assertThat(gate.open()).isEqualTo(3);
    }

    @Test
    @Timeout(30)
    void opensAndClosesRacingOnSeveralThreadsNeverLeaveItPausedBelowTheCeiling() throws Exception {
        for (int round = 0; round < 200; round++) {
            EmbeddedChannel listening = new EmbeddedChannel();
            AcceptGate gate = new AcceptGate(3, 6);
            gate.watch(listening);
            CountDownLatch go = new CountDownLatch(1);
            Thread[] threads = new Thread[3];
            for (int t = 0; t < threads.length; t++) {
                threads[t] = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < 500; i++) {
                        gate.opened();
                        if (ThreadLocalRandom.current().nextBoolean()) {
                            Thread.onSpinWait();
                        }
                        gate.closed();
                    }
                });
                threads[t].start();
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertThat(gate.open()).isZero();
            assertThat(gate.accepting()).as("round %d", round).isTrue();
            assertThat(listening.config().isAutoRead()).isTrue();
        }
    }
}
