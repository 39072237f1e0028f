package io.tocsin.pipeline;

/**
 * What start-up replay found: records replayed, alerts rebuilt, dispatches queued again (never submitted),
 * re-sent as possible duplicates (submitted, unanswered at the crash, alert still live), and set UNKNOWN
 * (submitted, unanswered, alert no longer live), plus alerts whose planning resumed.
 */
public record RecoveryReport(long records, int alerts, long requeued, long possibleDuplicates, long unknown,
                             int planningResumed, long millis) {
}
