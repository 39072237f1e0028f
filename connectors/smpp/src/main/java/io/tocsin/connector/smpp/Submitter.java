package io.tocsin.connector.smpp;

import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.DispatchState;
import java.io.IOException;
import java.time.Instant;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;

/**
 * One slot of a bind's window: a thread that takes the next dispatch of its carrier and submits its segments,
 * one blocking {@code submit_sm} at a time, after taking a token from the bind's and the account's buckets.
 *
 * <pre>
 *   submit_sm_resp OK          → record the message id, next segment; all done → ACCEPTED
 *   0x58 / 0x14                → pause the bind (back-off), send the same segment again
 *   transient status           → again, at most max_attempts times, then FAILED
 *   permanent status           → FAILED (reason "0x0B ...")
 *   link lost / no response    → back to the front of the carrier's queue (any bind resends the rest;
 *                                 the segment in flight may arrive twice: counted as in doubt)
 *   expired before a segment   → EXPIRED, nothing more is sent
 * </pre>
 *
 * <p>Runs on its own thread; shares nothing mutable but the {@link Outgoing} it holds.
 */
final class Submitter implements Runnable {

    private static final RegisteredDelivery RECEIPTS = new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE);
    private static final ESMClass PLAIN = new ESMClass();
    private static final ESMClass UDHI = new ESMClass((byte) 0x40);

    private static final OptionalParameter[] NO_TLVS = new OptionalParameter[0];

    private final Bind bind;
    private final CarrierLink carrier;
    private final SmppSettings common;
    private final TypeOfNumber sourceTon;
    private final NumberingPlanIndicator sourceNpi;
    private final TypeOfNumber destTon;
    private final NumberingPlanIndicator destNpi;
    private final DataCoding gsm7 = DataCodings.newInstance(SmsEncoding.GSM7.dataCoding());
    private final DataCoding ucs2 = DataCodings.newInstance(SmsEncoding.UCS2.dataCoding());

    Submitter(Bind bind, CarrierLink carrier, SmppSettings common) {
        this.bind = bind;
        this.carrier = carrier;
        this.common = common;
        this.sourceTon = TypeOfNumber.valueOf(common.sourceTon());
        this.sourceNpi = NumberingPlanIndicator.valueOf(common.sourceNpi());
        this.destTon = TypeOfNumber.valueOf(common.destTon());
        this.destNpi = NumberingPlanIndicator.valueOf(common.destNpi());
    }

    @Override
    public void run() {
        while (!bind.closed()) {
            if (!bind.awaitBound(200)) {
                continue;
            }
            // Not shorter: hundreds of idle submitters of one carrier each timing out every 20 ms cost a core.
            Outgoing o = carrier.next(100);
            if (o != null) {
                send(o);
            }
        }
    }

    private void send(Outgoing o) {
        while (!o.complete()) {
            Instant now = carrier.clock().instant();
            if (o.dispatch.expiredAt(now)) {
                carrier.finished(o, DispatchState.EXPIRED, "expired before segment " + (o.next + 1) + " was sent");
                return;
            }
            if (!bind.bucket.acquire(bind::closed) || !carrier.account.acquire(bind::closed)) {
                carrier.requeue(o);
                return;
            }
            if (carrier.dropIfWithdrawn(o)) {
                return; // cancelled while this submitter waited for its token
            }
            SMPPSession session = bind.transmitter();
            if (session == null) {
                carrier.requeue(o);
                return;
            }
            if (!o.submittedReported) {
                o.submittedReported = true;
                carrier.emit(DeliveryReceipt.of(o.dispatch.id(), DispatchState.SUBMITTED, null, null, now));
            }
            try {
                String id = submit(session, o).trim();
                carrier.submitted.increment();
                carrier.correlator.segmentAccepted(o.tracker, o.next, id);
                o.next++;
                o.attempts = 0;
                bind.succeeded();
            } catch (NegativeResponseException e) {
                if (!rejected(o, e.getCommandStatus())) {
                    return;
                }
            } catch (ResponseTimeoutException | InvalidResponseException e) {
                carrier.inDoubt.increment();
                retryElsewhere(o, "no valid response: " + e.getMessage());
                return;
            } catch (IOException e) {
                // "Cannot submitShortMessage while ... in state" means nothing was written: not in doubt.
                if (e.getMessage() == null || !e.getMessage().startsWith("Cannot ")) {
                    carrier.inDoubt.increment();
                }
                bind.linkTrouble();
                carrier.requeue(o);
                return;
            } catch (PDUException e) {
                carrier.finished(o, DispatchState.FAILED, "invalid submit_sm: " + e.getMessage());
                return;
            }
        }
        carrier.allAccepted(o);
    }

    /** Handles a negative submit_sm_resp; true when the same segment should be sent again now. */
    private boolean rejected(Outgoing o, int status) {
        switch (StatusPolicy.of(status)) {
            case THROTTLE:
                carrier.throttled.increment();
                bind.throttled();
                return true;
            case PERMANENT:
                carrier.finished(o, DispatchState.FAILED, "rejected by " + carrier.name() + ": "
                        + StatusPolicy.hex(status));
                return false;
            default:
                carrier.transientErrors.increment();
                if (++o.attempts >= common.maxAttempts()) {
                    carrier.finished(o, DispatchState.FAILED, "gave up after " + o.attempts + " attempts, last "
                            + StatusPolicy.hex(status));
                    return false;
                }
                bind.throttled();
                return true;
        }
    }

    private void retryElsewhere(Outgoing o, String why) {
        if (++o.attempts >= common.maxAttempts()) {
            carrier.finished(o, DispatchState.UNKNOWN, why);
        } else {
            bind.linkTrouble();
            carrier.requeue(o);
        }
    }

    private String submit(SMPPSession session, Outgoing o) throws PDUException, ResponseTimeoutException,
            InvalidResponseException, NegativeResponseException, IOException {
        SegmentPlan plan = o.plan;
        byte[] body = plan.payloads().get(o.next);
        byte[] message = body;
        ESMClass esm = PLAIN;
        OptionalParameter[] tlvs = NO_TLVS;
        if (plan.concatenated()) {
            int total = plan.segments();
            int seq = o.next + 1;
            if (common.concatenation() == SmppSettings.Concatenation.UDH) {
                message = new byte[body.length + 6];
                message[0] = 0x05;             // UDH length
                message[1] = 0x00;             // IEI: concatenated short message, 8-bit reference
                message[2] = 0x03;             // IE length
                message[3] = (byte) o.reference;
                message[4] = (byte) total;
                message[5] = (byte) seq;
                System.arraycopy(body, 0, message, 6, body.length);
                esm = UDHI;
            } else {
                tlvs = new OptionalParameter[] {
                    new OptionalParameter.Short(OptionalParameter.Tag.SAR_MSG_REF_NUM, (short) o.reference),
                    new OptionalParameter.Byte(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS, (byte) total),
                    new OptionalParameter.Byte(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM, (byte) seq)};
            }
        }
        return session.submitShortMessage("", sourceTon, sourceNpi, o.source, destTon, destNpi, o.destination, esm,
                (byte) 0, o.priority, null, o.validity, RECEIPTS, (byte) 0,
                plan.encoding() == SmsEncoding.GSM7 ? gsm7 : ucs2, (byte) 0, message, tlvs).getMessageId();
    }
}
