package io.tocsin.connector.smpp;

import io.tocsin.connector.DispatchState;

/**
 * The outcome of one dispatch across its segments: which message ids the SMSC gave, how many final receipts
 * came back, the worst of them. Guarded by its own monitor (submitter, receipt and sweeper threads meet here).
 */
final class Tracker {

    final long dispatchId;
    final int segments;
    final String[] messageIds;
    int finals;
    DispatchState worst;
    String reason;
    boolean accepted;
    boolean done;
    long deadlineNanos;

    Tracker(long dispatchId, int segments) {
        this.dispatchId = dispatchId;
        this.segments = segments;
        this.messageIds = new String[segments];
    }

    /** Folds one segment's final state in: FAILED beats EXPIRED beats UNKNOWN beats DELIVERED. */
    void fold(DispatchState state, String why) {
        finals++;
        if (rank(state) > rank(worst)) {
            worst = state;
            reason = why;
        }
    }

    DispatchState outcome() { return worst == null ? DispatchState.DELIVERED : worst; }

    String peerRef() {
        StringBuilder sb = new StringBuilder();
        for (String id : messageIds) {
            if (id != null) {
                sb.append(sb.length() == 0 ? "" : ",").append(id);
            }
        }
        return sb.toString();
    }

    private static int rank(DispatchState s) {
        if (s == null || s == DispatchState.DELIVERED) {
            return 0;
        }
        switch (s) {
            case UNKNOWN: return 1;
            case EXPIRED: return 2;
            default: return 3;
        }
    }
}
