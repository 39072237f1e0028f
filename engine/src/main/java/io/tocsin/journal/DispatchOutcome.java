package io.tocsin.journal;

import io.tocsin.connector.DispatchState;

/** One dispatch moved to {@code state} (a receipt, a rejection by the connector, an expiry at send time). */
public record DispatchOutcome(long at, long dispatchId, DispatchState state, String peerRef, String reason)
        implements JournalRecord {
}
