package io.tocsin.sim.smpp;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * The SMSC's answer to submit_sm, in order: a throttling storm switched on at run time, injected throttling, window, bind TPS, account TPS (all 0x58),
 * refused numbers (0x0B), latency, then accept: count it in the inbox, schedule its receipt. Thread-safe (runs on
 * jSMPP's PDU processor threads).
 */
final class SubmitHandler implements ServerMessageReceiverListener {

    private static final int THROTTLED = 0x58;
    private static final int INVALID_DEST = 0x0B;
    private static final int NOT_SUPPORTED = 0x03;

    private final SmscSimulator smsc;
    private final ReceiptSender receipts;

    SubmitHandler(SmscSimulator smsc, ReceiptSender receipts, long seed) {
        this.smsc = smsc;
        this.receipts = receipts;
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
        smsc.arrivals.record();
        SmscConfig c = smsc.config;
        SimBind bind = smsc.binds.get(source);
        if (bind == null) {
            throw new ProcessRequestException("not bound", 0x04);
        }
        int storm = smsc.faults.throttleStatus();
        if (storm != 0) {
            smsc.faults.stormAnswers.increment();
            if (storm == THROTTLED) {
                throw throttled("storm");
            }
            throw new ProcessRequestException("storm", storm);
        }
        if (c.throttleFraction() > 0 && ThreadLocalRandom.current().nextDouble() < c.throttleFraction()) {
            throw throttled("injected");
        }
        try {
            if (c.window() > 0 && bind.inProgress.incrementAndGet() > c.window()) {
                throw throttled("window");
            }
            if (!bind.limiter.tryTake()) {
                throw throttled("bind tps");
            }
            if (c.accountTps() > 0 && !smsc.account(bind.systemId).tryTake()) {
                throw throttled("account tps");
            }
            String destination = submit.getDestAddress();
            for (String prefix : c.rejectPrefixes()) {
                if (destination.startsWith(prefix)) {
                    smsc.rejected.increment();
                    throw new ProcessRequestException("invalid destination", INVALID_DEST);
                }
            }
            if (!c.latency().isZero()) {
                LockSupport.parkNanos(c.latency().toNanos());
            }
            String id = smsc.nextMessageId();
            smsc.inbox.add(destination, submit.getEsmClass(), submit.getDataCoding(), submit.getShortMessage(),
                    shortTlv(submit, OptionalParameter.Tag.SAR_MSG_REF_NUM),
                    byteTlv(submit, OptionalParameter.Tag.SAR_TOTAL_SEGMENTS),
                    byteTlv(submit, OptionalParameter.Tag.SAR_SEGMENT_SEQNUM));
            smsc.accepted.increment();
            smsc.rate.mark();
            bind.rate.mark();
            smsc.seen(bind);
            if (registered(submit)) {
                receipts.schedule(bind, id, submit);
            }
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("message id", 0x08);
        } finally {
            if (c.window() > 0) {
                bind.inProgress.decrementAndGet();
            }
        }
    }

    private ProcessRequestException throttled(String why) {
        smsc.throttled.increment();
        return new ProcessRequestException("throttled: " + why, THROTTLED);
    }

    private static boolean registered(SubmitSm submit) {
        return (submit.getRegisteredDelivery() & 0x03) != 0;
    }

    private static Integer shortTlv(SubmitSm s, OptionalParameter.Tag tag) {
        OptionalParameter p = s.getOptionalParameter(tag);
        return p instanceof OptionalParameter.Short ? ((OptionalParameter.Short) p).getValue() & 0xFFFF : null;
    }

    private static Integer byteTlv(SubmitSm s, OptionalParameter.Tag tag) {
        OptionalParameter p = s.getOptionalParameter(tag);
        return p instanceof OptionalParameter.Byte ? ((OptionalParameter.Byte) p).getValue() & 0xFF : null;
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti s, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("submit_multi not supported", NOT_SUPPORTED);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("query_sm not supported", NOT_SUPPORTED);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("replace_sm not supported", NOT_SUPPORTED);
    }

    @Override
    public void onAcceptCancelSm(CancelSm c, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("cancel_sm not supported", NOT_SUPPORTED);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("broadcast_sm not supported", NOT_SUPPORTED);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("cancel_broadcast_sm not supported", NOT_SUPPORTED);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("query_broadcast_sm not supported", NOT_SUPPORTED);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm d, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm not supported", NOT_SUPPORTED);
    }
}
