package io.tocsin.sim.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SmscSimulatorTest {

    private static SMPPSession bind(SmscSimulator smsc, String password, AtomicInteger receipts) throws Exception {
        SMPPSession s = new SMPPSession();
        s.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm d) {
                if (d.isSmscDeliveryReceipt()) {
                    receipts.incrementAndGet();
                }
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification a) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm d, Session source) {
                return null;
            }
        });
        s.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TRX, "t", password, "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5000);
        return s;
    }

    private static String submit(SMPPSession s, String to) throws Exception {
        return s.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "12379",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, new ESMClass(), (byte) 0, (byte) 0, null,
                null, new RegisteredDelivery(1), (byte) 0, DataCodings.ZERO, (byte) 0,
                "hi".getBytes(StandardCharsets.US_ASCII)).getMessageId();
    }

    @Test
    void realPortIsKnownAcceptedMessagesAreCountedAndReceiptsComeBack() throws Exception {
        AtomicInteger receipts = new AtomicInteger();
        try (SmscSimulator smsc = new SmscSimulator(SmscConfig.defaults("t").withRecordTexts(true)).start()) {
            assertThat(smsc.port()).isPositive();
            SMPPSession s = bind(smsc, "", receipts);
            assertThat(submit(s, "8613800000001")).isNotBlank();
            assertThat(smsc.inbox().texts("8613800000001")).containsExactly("hi");
            await().atMost(Duration.ofSeconds(10)).until(() -> receipts.get() == 1);
            s.unbindAndClose();
        }
    }

    @Test
    void submitsBeyondTheBindRateAreThrottledAndRefusedNumbersGet0x0B() throws Exception {
        AtomicInteger receipts = new AtomicInteger();
        try (SmscSimulator smsc = new SmscSimulator(SmscConfig.defaults("t").withLimits(20, 0, 0)
                .withNumbers(List.of("86139"), List.of())).start()) {
            SMPPSession s = bind(smsc, "", receipts);
            int throttled = 0;
            for (int i = 0; i < 60; i++) {
                try {
                    submit(s, "8613800000" + i);
                } catch (NegativeResponseException e) {
                    assertThat(e.getCommandStatus()).isEqualTo(0x58);
                    throttled++;
                }
            }
            assertThat(throttled).isPositive();
            assertThat(smsc.stats().throttled()).isEqualTo(throttled);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
                try {
                    submit(s, "8613912345678");
                    return false;
                } catch (NegativeResponseException e) {
                    return e.getCommandStatus() == 0x0B;
                }
            });
            s.unbindAndClose();
        }
    }

    @Test
    void wrongPasswordIsRefusedAtBind() throws Exception {
        try (SmscSimulator smsc = new SmscSimulator(SmscConfig.defaults("t").withPassword("secret")).start()) {
            assertThatThrownBy(() -> bind(smsc, "nope", new AtomicInteger())).isInstanceOf(java.io.IOException.class);
        }
    }
}
