package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tocsin.cap.Alert;
import io.tocsin.connector.DispatchState;
import io.tocsin.sim.smpp.SmscConfig;
import io.tocsin.sim.smpp.SmscSimulator;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exactness against three simulated carriers: every recipient gets the alert exactly once (clean links) or at
 * least once with duplicates bounded by the submits that were in doubt when a link dropped (faults). The default
 * size suits CI; {@code -Dtocsin.smpp.recipients=1000000} runs the full million.
 */
class ExactDeliveryTest {

    private static final int N = Integer.getInteger("tocsin.smpp.recipients", 30_000);

    @Test
    @Timeout(900)
    void everyRecipientGetsTheAlertExactlyOnceAcrossThreeCarriers() throws Exception {
        try (SimulatedCarriers carriers = new SimulatedCarriers(c -> c.withPassword("secret"))) {
            RecordingSink sink = new RecordingSink(N, false);
            SmppConnector connector = new SmppConnector("sms",
                    SimulatedCarriers.read(carriers.settings(2, 32, 0, 0)), sink, Clock.systemUTC());
            Alert alert = TestAlerts.typhoon();
            try {
                connector.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> connector.health().status().name().equals("UP"));
                long started = System.nanoTime();
                OfferLoop loop = new OfferLoop();
                loop.run(connector, N, i -> TestAlerts.dispatch(i, alert, SimulatedCarriers.msisdn(i),
                        i % 7 == 0 ? null : SimulatedCarriers.carrier(i), i % 10 == 0 ? "en-GB" : "zh-CN", null),
                        System.nanoTime() + Duration.ofMinutes(12).toNanos());
                await().atMost(Duration.ofMinutes(12)).pollInterval(Duration.ofMillis(500))
                        .until(() -> sink.count(DispatchState.DELIVERED) >= N);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("exactness: %d recipients, %d segments in %.1f s (%.0f dispatches/s), %s%n", N,
                        connector.stats().submitted(), seconds, N / seconds, connector.stats());

                assertThat(loop.rejected).isZero();
                assertThat(sink.count(DispatchState.DELIVERED)).isEqualTo(N);
                assertThat(sink.count(DispatchState.ACCEPTED)).isEqualTo(N);
                assertThat(sink.illegal.sum()).isZero();
                assertThat(carriers.recipients()).isEqualTo(N);
                assertThat(carriers.duplicates()).isZero();
                for (int i = 0; i < N; i++) {
                    assertThat(carriers.smscFor(i).inbox().count(SimulatedCarriers.msisdn(i))).as("recipient %d", i)
                            .isEqualTo(1);
                    assertThat(sink.last(i)).isEqualTo(DispatchState.DELIVERED);
                }
                for (SmscSimulator s : carriers.smscs) {
                    assertThat(s.inbox().incomplete()).isZero();
                }
                assertThat(connector.stats().unknownReceipts()).isZero();
                assertThat(connector.stats().receiptsMatched()).isEqualTo(connector.stats().submitted());
            } finally {
                connector.close();
            }
        }
    }

    @Test
    @Timeout(300)
    void withDroppedBindsThrottlingAndLostReceiptsEveryRecipientIsReachedAndDuplicatesAreAccounted()
            throws Exception {
        int n = Math.min(N, 10_000);
        try (SimulatedCarriers carriers = new SimulatedCarriers(c -> c.withPassword("secret")
                .withFaults(0.10, Duration.ofSeconds(2), 0.05))) {
            RecordingSink sink = new RecordingSink(n, false);
            ObjectNode settings = carriers.settings(3, 16, 0, 0);
            settings.put("receipt_timeout_seconds", 4);
            settings.put("transaction_timeout_ms", 1000);
            settings.put("max_attempts", 50);
            settings.putObject("reconnect").put("initial_ms", 50).put("max_ms", 500);
            settings.putObject("throttle_backoff").put("initial_ms", 1).put("max_ms", 20);
            SmppConnector connector = new SmppConnector("sms", SimulatedCarriers.read(settings), sink,
                    Clock.systemUTC());
            Alert alert = TestAlerts.typhoon();
            try {
                connector.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> connector.health().status().name().equals("UP"));
                new OfferLoop().run(connector, n, i -> TestAlerts.dispatch(i, alert, SimulatedCarriers.msisdn(i),
                        SimulatedCarriers.carrier(i), i % 2 == 0 ? "en" : "zh-CN", null),
                        System.nanoTime() + Duration.ofMinutes(4).toNanos());
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                        .until(() -> sink.settled() == n);
                var stats = connector.stats();
                long duplicates = carriers.duplicates();
                System.out.printf("faults: %d recipients, %s, duplicates %d, unknown %d, drops at SMSCs %d%n", n,
                        stats, duplicates, sink.count(DispatchState.UNKNOWN),
                        carriers.smscs.stream().mapToLong(s -> s.stats().drops()).sum());

                for (int i = 0; i < n; i++) {
                    assertThat(carriers.smscFor(i).inbox().count(SimulatedCarriers.msisdn(i))).as("recipient %d", i)
                            .isGreaterThanOrEqualTo(1);
                    assertThat(sink.last(i)).isIn(DispatchState.DELIVERED, DispatchState.UNKNOWN);
                }
                assertThat(stats.drops()).isPositive();
                assertThat(stats.throttled()).isPositive();
                assertThat(duplicates).isLessThanOrEqualTo(stats.inDoubt());
                // segments the SMSCs took whose submit_sm_resp never reached the connector: all in doubt, resent
                long extraSegments = carriers.smscs.stream().mapToLong(s -> s.stats().accepted()).sum()
                        - stats.submitted();
                assertThat(extraSegments).isBetween(0L, stats.inDoubt());
                assertThat(sink.count(DispatchState.UNKNOWN)).isPositive().isEqualTo(stats.receiptTimeouts());
                assertThat(sink.illegal.sum()).isZero();
            } finally {
                connector.close();
            }
        }
    }

    @Test
    @Timeout(120)
    void refusedNumbersFailPermanentlyAndUndeliverableOnesFailByReceipt() throws Exception {
        int n = 300;
        try (SimulatedCarriers carriers = new SimulatedCarriers(c -> c.withPassword("secret")
                .withNumbers(java.util.List.of("8613400000001"), java.util.List.of("8613000000002")))) {
            RecordingSink sink = new RecordingSink(n, true);
            SmppConnector connector = new SmppConnector("sms",
                    SimulatedCarriers.read(carriers.settings(1, 4, 0, 0)), sink, Clock.systemUTC());
            Alert alert = TestAlerts.typhoon();
            try {
                connector.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> connector.health().status().name().equals("UP"));
                new OfferLoop().run(connector, n, i -> TestAlerts.dispatch(i, alert, SimulatedCarriers.msisdn(i),
                        SimulatedCarriers.carrier(i), "zh-CN", null), System.nanoTime() + 60_000_000_000L);
                await().atMost(Duration.ofSeconds(60)).until(() -> sink.settled() == n);
                // 13400000001 ends in ...001 → i = 1 is cucc; find the indices by MSISDN instead
                for (int i = 0; i < n; i++) {
                    String m = SimulatedCarriers.msisdn(i);
                    if (m.startsWith("8613400000001")) {
                        assertThat(sink.last(i)).isEqualTo(DispatchState.FAILED);
                        assertThat(sink.reasons.get((long) i)).contains("0x0B");
                    } else if (m.startsWith("8613000000002")) {
                        assertThat(sink.last(i)).isEqualTo(DispatchState.FAILED);
                        assertThat(sink.reasons.get((long) i)).contains("UNDELIV");
                    } else {
                        assertThat(sink.last(i)).isEqualTo(DispatchState.DELIVERED);
                    }
                }
            } finally {
                connector.close();
            }
        }
    }
}
