package io.tocsin.connector.smpp;

import io.tocsin.connector.DispatchState;

/**
 * A delivery receipt as an SMSC sent it in a {@code deliver_sm}, reduced to what correlation needs.
 *
 * @param messageId  the submit_sm_resp message id it reports on
 * @param state      DELIVERED, FAILED, EXPIRED or UNKNOWN; null for an intermediate state (ENROUTE, ACCEPTD)
 * @param stat       the SMSC's own word (DELIVRD, UNDELIV, ... or the TLV state's name)
 * @param error      the SMSC's error code text, or null
 */
public record SmscReceipt(String messageId, DispatchState state, String stat, String error) {

    public boolean isFinal() { return state != null; }
}
