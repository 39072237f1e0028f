package io.tocsin.sim.smpp;

/**
 * Counters of a simulated SMSC.
 *
 * @param accepted        submit_sm answered OK
 * @param throttled       submit_sm answered 0x58 (limits or injected)
 * @param rejected        submit_sm refused permanently (0x0B)
 * @param receiptsSent    deliver_sm receipts acknowledged by the client
 * @param receiptsLost    receipts deliberately not sent (fault)
 * @param receiptsUndeliverable receipts given up after no receiver bind was there for 2 minutes
 * @param drops           binds cut on purpose
 * @param bound           sessions bound now
 */
public record SmscStats(long accepted, long throttled, long rejected, long receiptsSent, long receiptsLost,
                        long receiptsUndeliverable, long drops, int bound) {
}
