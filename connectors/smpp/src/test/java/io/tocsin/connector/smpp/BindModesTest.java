package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tocsin.cap.Alert;
import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Transmitter + receiver binds, SAR concatenation, expiry at submit time, reconnect after a cut bind. */
@Timeout(120)
class BindModesTest {

    private static SmppConnector connector(SimulatedCarriers carriers, RecordingSink sink, String bindType,
                                           String concatenation) {
        ObjectNode settings = carriers.settings(1, 4, 0, 0);
        settings.put("concatenation", concatenation);
        settings.putObject("reconnect").put("initial_ms", 20).put("max_ms", 100);
        settings.withArray("carriers").forEach(c -> ((ObjectNode) c.get("binds").get(0)).put("bind_type", bindType));
        SmppConnector c = new SmppConnector("sms", SimulatedCarriers.read(settings), sink, Clock.systemUTC());
        c.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> c.health().status().name().equals("UP"));
        return c;
    }

    @Test
    void transmitterPlusReceiverBindsWithSarTlvsDeliverExactTextAndReceipts() throws Exception {
        try (SimulatedCarriers carriers = new SimulatedCarriers(c -> c.withPassword("secret").withRecordTexts(true))) {
            RecordingSink sink = new RecordingSink(30, true);
            try (SmppConnector c = connector(carriers, sink, "transmitter+receiver", "sar")) {
                Alert alert = TestAlerts.typhoon();
                String zh = c.render(alert).get(0).text();
                for (int i = 0; i < 30; i++) {
                    assertThat(c.offer(TestAlerts.dispatch(i, alert, SimulatedCarriers.msisdn(i),
                            SimulatedCarriers.carrier(i), "zh-CN", null))).isEqualTo(SendResult.ACCEPTED);
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> sink.count(DispatchState.DELIVERED) == 30);
                for (int i = 0; i < 30; i++) {
                    assertThat(carriers.smscFor(i).inbox().texts(SimulatedCarriers.msisdn(i))).containsExactly(zh);
                }
            }
        }
    }

    @Test
    void expiredDispatchIsNeverSubmittedAndValidityPeriodIsSet() throws Exception {
        try (SimulatedCarriers carriers = new SimulatedCarriers(c -> c.withPassword("secret"))) {
            RecordingSink sink = new RecordingSink(2, true);
            try (SmppConnector c = connector(carriers, sink, "transceiver", "udh")) {
                Alert alert = TestAlerts.typhoon();
                c.offer(TestAlerts.dispatch(0, alert, SimulatedCarriers.msisdn(0), "cmcc", "en",
                        Instant.now().minusSeconds(1)));
                c.offer(TestAlerts.dispatch(1, alert, SimulatedCarriers.msisdn(1), "cucc", "en",
                        Instant.now().plusSeconds(3600)));
                await().atMost(Duration.ofSeconds(20)).until(() -> sink.last(1) == DispatchState.DELIVERED);
                assertThat(sink.last(0)).isEqualTo(DispatchState.EXPIRED);
                assertThat(carriers.smscs.get(0).stats().accepted()).isZero();
                assertThat(sink.all).filteredOn(r -> r.dispatchId() == 0).extracting(DeliveryReceipt::state)
                        .containsExactly(DispatchState.EXPIRED);
            }
        }
    }

    @Test
    void validityPeriodIsTheAlertsExpiryInSmppAbsoluteFormUtc() throws Exception {
        try (SimulatedCarriers carriers = new SimulatedCarriers(c -> c.withPassword("secret"))) {
            RecordingSink sink = new RecordingSink(1, true);
            try (SmppConnector c = connector(carriers, sink, "transceiver", "udh")) {
                Instant expires = Instant.parse("2026-11-29T13:30:05Z");
                assertThat(c.validity(expires)).isEqualTo("261129133005000+");
                assertThat(c.validity(Instant.parse("2026-11-29T13:30:05Z"))).isEqualTo("261129133005000+");
                assertThat(c.validity(Instant.parse("2027-01-02T03:04:05Z"))).isEqualTo("270102030405000+");
                assertThat(c.validity(null)).isNull();
            }
        }
    }

    @Test
    void aCutBindIsReboundAndSendingCarriesOn() throws Exception {
        try (SimulatedCarriers carriers = new SimulatedCarriers(c -> c.withPassword("secret"))) {
            RecordingSink sink = new RecordingSink(2, true);
            try (SmppConnector c = connector(carriers, sink, "transceiver", "udh")) {
                Alert alert = TestAlerts.typhoon();
                carriers.smscs.get(0).dropOne();
                await().atMost(Duration.ofSeconds(20)).until(() -> c.stats().binds() >= 4);
                await().atMost(Duration.ofSeconds(20)).until(() -> c.health().status().name().equals("UP"));
                assertThat(c.stats().drops()).isEqualTo(1);
                c.offer(TestAlerts.dispatch(0, alert, SimulatedCarriers.msisdn(0), "cmcc", "en", null));
                await().atMost(Duration.ofSeconds(20)).until(() -> sink.last(0) == DispatchState.DELIVERED);
            }
        }
    }
}
