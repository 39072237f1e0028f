package io.tocsin.sim.smpp;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPServerSession;

/**
 * Sends delivery receipts as {@code deliver_sm} (esm_class 0x04) on the submitting transceiver, or on any
 * receiver bind of the same system_id, after the configured delay; drops a share of them on purpose; retries
 * every 200 ms for 2 minutes when no receiver is bound or the client pushes back (a real SMSC keeps a receipt
 * for hours; two minutes cover a client's restart). Thread-safe.
 */
final class ReceiptSender implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmm");
    private static final ESMClass RECEIPT = new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT,
            GSMSpecificFeature.DEFAULT);
    private static final long GIVE_UP_NANOS = 120_000_000_000L;

    final LongAdder sent = new LongAdder();
    final LongAdder lost = new LongAdder();
    final LongAdder undeliverable = new LongAdder();
    private final SmscSimulator smsc;
    private final ScheduledThreadPoolExecutor pool;

    ReceiptSender(SmscSimulator smsc) {
        this.smsc = smsc;
        this.pool = new ScheduledThreadPoolExecutor(16, SmscSimulator.daemon(smsc.config.name() + "-receipts"));
    }

    void schedule(SimBind bind, String id, SubmitSm submit) {
        SmscConfig c = smsc.config;
        if (smsc.faults.losingReceipts()
                || c.lostReceiptFraction() > 0 && ThreadLocalRandom.current().nextDouble() < c.lostReceiptFraction()) {
            lost.increment();
            return;
        }
        String destination = submit.getDestAddress();
        boolean ok = true;
        for (String prefix : c.undeliverablePrefixes()) {
            ok &= !destination.startsWith(prefix);
        }
        Pending p = new Pending(bind.systemId, bind, id, destination, submit.getSourceAddr(), ok, System.nanoTime());
        if (pool.isShutdown()) {
            return;
        }
        pool.schedule(() -> attempt(p), c.receiptDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private record Pending(String systemId, SimBind origin, String id, String handset, String sender,
                           boolean delivered, long since) {
    }

    private void attempt(Pending p) {
        SMPPServerSession session = receiverFor(p);
        if (session != null && deliver(session, p)) {
            sent.increment();
            return;
        }
        if (System.nanoTime() - p.since > GIVE_UP_NANOS) {
            undeliverable.increment();
        } else if (!pool.isShutdown()) {
            pool.schedule(() -> attempt(p), 200, TimeUnit.MILLISECONDS);
        }
    }

    private SMPPServerSession receiverFor(Pending p) {
        if (p.origin.receives() && smsc.binds.containsKey(p.origin.session)) {
            return p.origin.session;
        }
        for (SimBind b : smsc.binds.values()) {
            if (b.systemId.equals(p.systemId) && b.receives()) {
                return b.session;
            }
        }
        return null;
    }

    private boolean deliver(SMPPServerSession session, Pending p) {
        SmscConfig.ReceiptFormat format = smsc.config.receiptFormat();
        String stamp = stamp();
        String stat = p.delivered ? "DELIVRD" : "UNDELIV";
        byte[] text = new byte[0];
        if (format != SmscConfig.ReceiptFormat.TLV) {
            text = ("id:" + p.id + " sub:001 dlvrd:" + (p.delivered ? "001" : "000") + " submit date:" + stamp
                    + " done date:" + stamp + " stat:" + stat + " err:" + (p.delivered ? "000" : "001") + " text:")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
        OptionalParameter[] tlvs = new OptionalParameter[0];
        if (format != SmscConfig.ReceiptFormat.TEXT) {
            tlvs = new OptionalParameter[] {
                new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), p.id),
                new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, (byte) (p.delivered ? 2 : 5))};
        }
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, p.handset,
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, p.sender == null ? "" : p.sender, RECEIPT,
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, text, tlvs);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** yyMMddHHmm of now, formatted once a minute rather than per receipt. */
    private String stamp() {
        long minute = System.currentTimeMillis() / 60_000L;
        Stamp s = stamp;
        if (s == null || s.minute != minute) {
            s = new Stamp(minute, ZonedDateTime.now(ZoneOffset.UTC).format(STAMP));
            stamp = s;
        }
        return s.text;
    }

    private record Stamp(long minute, String text) {
    }

    private volatile Stamp stamp;

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
