package io.tocsin.pipeline;

import io.tocsin.cap.Alert;
import java.time.Instant;

/**
 * An alert that passed ingress checks (decoded, validated, publisher authenticated and in scope), on its way
 * to the journal. {@code raw} is the body as received, kept for audit and feeds.
 */
public record Submission(
        Alert alert,
        byte[] raw,
        String contentType,
        String publisher,
        boolean needsApproval,
        Instant receivedAt) {
}
