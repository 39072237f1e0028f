package io.tocsin.journal;

import io.tocsin.cap.Alert;

/**
 * An alert accepted from a publisher: the decoded message, the bytes as received, who sent it and when.
 * What it does to other alerts (update, cancel) is decided again, identically, when it is replayed.
 * {@code correction} marks a Cancel or Update the engine let through on the pre-approved correction path
 * (no approval, ahead of every queue); whether it was authorised is decided once, at acceptance.
 */
public record AlertAccepted(
        long at,
        String alertId,
        String publisher,
        boolean needsApproval,
        String contentType,
        byte[] raw,
        Alert alert,
        boolean correction) implements JournalRecord {

    public AlertAccepted {
        raw = raw == null ? new byte[0] : raw;
    }

    public AlertAccepted(long at, String alertId, String publisher, boolean needsApproval, String contentType,
                         byte[] raw, Alert alert) {
        this(at, alertId, publisher, needsApproval, contentType, raw, alert, false);
    }
}
