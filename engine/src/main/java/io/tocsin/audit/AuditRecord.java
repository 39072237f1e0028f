package io.tocsin.audit;

import java.time.Instant;

/**
 * One line of the audit chain: who did what to which alert, and when. {@code prev} is the hash of the
 * record before it and {@code hash} covers this record's bytes and {@code prev}, so any edited, removed or
 * reordered record breaks the chain at that point.
 */
public record AuditRecord(long seq, Instant at, String type, String actor, String alertId, String detail,
        String prev, String hash) {
}
