package io.tocsin.journal;

import io.tocsin.cap.Alert;

/**
 * An alert accepted from a publisher: the decoded message, the bytes as received, who sent it and when.
 * What it does to other alerts (update, cancel) is decided again, identically, when it is replayed.
 */
public record AlertAccepted(
        long at,
        String alertId,
        String publisher,
        boolean needsApproval,
        String contentType,
        byte[] raw,
        Alert alert) implements JournalRecord {

    public AlertAccepted {
        raw = raw == null ? new byte[0] : raw;
    }
}
