package io.tocsin.connector;

import java.time.Instant;

/**
 * A dispatch the peer accepted before the engine stopped and whose final outcome (delivery receipt) never came:
 * handed back to its connector at start-up, after the journal replay, so that a receipt arriving now can still
 * be correlated. Rebuilt from the journal's ACCEPTED outcome of the dispatch and its planned target.
 *
 * @param dispatchId the engine's dispatch id (receipts refer to it)
 * @param target     who it was for (as planned: address, carrier, language...)
 * @param peerRef    the peer's reference as the connector reported it with ACCEPTED (for SMS: the SMSC message
 *                   ids, comma-separated per segment)
 * @param acceptedAt when the peer accepted it (receipt timeouts count from here, not from the restart)
 */
public record AwaitingReceipt(long dispatchId, Target target, String peerRef, Instant acceptedAt) {
}
