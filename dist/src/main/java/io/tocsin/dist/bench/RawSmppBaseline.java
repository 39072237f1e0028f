package io.tocsin.dist.bench;

import io.tocsin.connector.smpp.NoDelayConnectionFactory;
import io.tocsin.sim.smpp.SmscSimulator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/**
 * The same-run baseline of a fan-out: raw jSMPP clients (one transceiver bind per carrier, 32 threads blocking
 * on submit_sm, receipts requested) pacing themselves to each carrier's cap against the same simulated SMSCs,
 * no engine in between. What this machine, loaded as it is at that moment, lets anything reach; the engine's
 * fan-out rate is judged against it as well as against the caps. Destinations are outside the directory's
 * numbering ({@code 8619990...}) so the scenario's per-recipient counts stay exact. Stateless.
 */
final class RawSmppBaseline {
    private static final int WINDOW = 32;

    private RawSmppBaseline() {
    }

    /** Submits {@code seconds} × cap per carrier, all carriers at once; returns submit_sm/s over all. */
    static double measure(Map<String, SmscSimulator> smscs, Map<String, Double> caps, double seconds)
            throws Exception {
        List<SMPPSession> sessions = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(WINDOW * smscs.size());
        LongAdder done = new LongAdder();
        long total = 0;
        byte[] body = "台风红色预警：请立即转移到安全地带。".getBytes(StandardCharsets.UTF_16BE);
        RegisteredDelivery receipts = new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE);
        long start = System.nanoTime() + 200_000_000L;
        try {
            int carrierIndex = 0;
            for (Map.Entry<String, SmscSimulator> e : smscs.entrySet()) {
                double cap = caps.getOrDefault(e.getKey(), 0.0);
                if (cap <= 0) {
                    continue;
                }
                SMPPSession s = new SMPPSession(new NoDelayConnectionFactory(5000));
                s.setMessageReceiverListener(new Ignore());
                s.connectAndBind("127.0.0.1", e.getValue().port(), new BindParameter(BindType.BIND_TRX,
                        "raw-baseline", "demo", "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5000);
                sessions.add(s);
                long n = (long) (cap * seconds);
                total += n;
                AtomicLong next = new AtomicLong();
                String prefix = "861999" + carrierIndex++;
                for (int t = 0; t < WINDOW; t++) {
                    threads.execute(() -> {
                        long i;
                        while ((i = next.getAndIncrement()) < n) {
                            long due = start + (long) (i * 1e9 / cap);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            for (int attempt = 0; attempt < 20; attempt++) {
                                try {
                                    s.submitShortMessage("", TypeOfNumber.NETWORK_SPECIFIC,
                                            NumberingPlanIndicator.UNKNOWN, "12379", TypeOfNumber.INTERNATIONAL,
                                            NumberingPlanIndicator.ISDN, prefix + String.format("%07d", i),
                                            new ESMClass(), (byte) 0, (byte) 0, null, null, receipts, (byte) 0,
                                            DataCodings.newInstance((byte) 0x08), (byte) 0, body);
                                    done.increment();
                                    break;
                                } catch (Exception ex) {
                                    LockSupport.parkNanos(5_000_000L); // throttled or timed out: this one again
                                }
                            }
                        }
                    });
                }
            }
            threads.shutdown();
            threads.awaitTermination(10L + (long) (seconds * 20), TimeUnit.SECONDS);
            return done.sum() / ((System.nanoTime() - start) / 1e9);
        } finally {
            threads.shutdownNow();
            sessions.forEach(SMPPSession::unbindAndClose);
        }
    }

    private static final class Ignore implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) {
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
            return null;
        }
    }
}
