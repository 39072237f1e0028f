package io.tocsin.ledger;

import java.time.Duration;
import java.time.Instant;

/**
 * How fast a live alert was corrected (cancelled or superseded), from journaled times: when the original first
 * went out, when the correction was accepted (its 202, or the operator's cancel), when the original's queued
 * dispatches were purged and when the correction's first dispatch (the update, or the withdrawals of a cancel)
 * went out. Times are null when the event has not happened. Immutable.
 *
 * @param correctedBy       the correcting alert id, or {@code operator:NAME}
 * @param purgedDispatches  queued dispatches of the original dropped by the correction
 */
public record CorrectionTiming(
        String originalId,
        String correctedBy,
        Instant originalFirstDispatch,
        Instant correctionAccepted,
        Instant originalPurged,
        long purgedDispatches,
        Instant correctionFirstDispatch) {

    /** From the correction's acceptance (202) to its first dispatch, or null. */
    public Long millisFromCorrectionToFirstDispatch() { return ms(correctionAccepted, correctionFirstDispatch); }

    /** From the original's first dispatch to the correction's first dispatch, or null. */
    public Long millisFromOriginalToCorrectionDispatch() { return ms(originalFirstDispatch, correctionFirstDispatch); }

    /** From the correction's acceptance to the purge of the original's queued dispatches, or null. */
    public Long millisFromCorrectionToPurge() { return ms(correctionAccepted, originalPurged); }

    /** From the original's first dispatch to the purge of its queued dispatches, or null. */
    public Long millisFromOriginalToPurge() { return ms(originalFirstDispatch, originalPurged); }

    CorrectionTiming withFirstDispatch(Instant at) {
        return new CorrectionTiming(originalId, correctedBy, originalFirstDispatch, correctionAccepted,
                originalPurged, purgedDispatches, at);
    }

    /** One line for timelines and the audit chain. */
    public String summary() {
        return originalId + " corrected by " + correctedBy + ": correction accepted→first dispatch "
                + text(millisFromCorrectionToFirstDispatch()) + ", original first dispatch→correction first dispatch "
                + text(millisFromOriginalToCorrectionDispatch()) + ", correction accepted→purge "
                + text(millisFromCorrectionToPurge()) + " (" + purgedDispatches + " queued dispatches purged)";
    }

    private static String text(Long ms) {
        return ms == null ? "n/a" : ms + " ms";
    }

    private static Long ms(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }
}
