package io.tocsin.connector.smpp;

/**
 * Counters of one SMPP connector instance, summed over its carriers (a snapshot; each field is read
 * separately, so they are not mutually consistent while traffic flows).
 *
 * @param submitted          submit_sm answered OK (segments)
 * @param throttled          submit_sm answered 0x58 / 0x14 (each was resent after a back-off)
 * @param transientErrors    other retryable negative responses
 * @param inDoubt            segments whose submit_sm may have reached the SMSC but got no answer (link lost,
 *                           timeout): they were resent, so the SMSC may count them twice
 * @param resent             dispatches put back to the front of a carrier queue (link down or in doubt)
 * @param receiptsMatched    final receipts matched to a dispatch segment
 * @param unknownReceipts    receipts whose message id matched nothing (after a short grace) or unparseable
 * @param receiptTimeouts    dispatches reported UNKNOWN for want of receipts
 * @param binds              successful binds (first binds and re-binds)
 * @param drops              links lost after binding
 * @param resumed            dispatches accepted before a restart, taken back at start-up to await receipts
 */
public record SmppStats(
        long submitted,
        long throttled,
        long transientErrors,
        long inDoubt,
        long resent,
        long receiptsMatched,
        long unknownReceipts,
        long receiptTimeouts,
        long binds,
        long drops,
        long resumed) {
}
