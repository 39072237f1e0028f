package io.tocsin.pipeline;

/**
 * What start-up replay found: records replayed, alerts rebuilt, dispatches queued again (never submitted),
 * re-sent as possible duplicates (submitted, unanswered at the crash, alert still live), and set UNKNOWN
 * (submitted, unanswered, alert no longer live), plus alerts whose planning resumed, and dispatches the peer had
 * accepted whose outcome (delivery receipt) had not come yet: handed back to their connectors to correlate.
 */
public record RecoveryReport(long records, int alerts, long requeued, long possibleDuplicates, long unknown,
                             int planningResumed, long millis, long awaitingReceipts) {

    /** Without the awaiting-receipts count (as before it existed). */
    public RecoveryReport(long records, int alerts, long requeued, long possibleDuplicates, long unknown,
                          int planningResumed, long millis) {
        this(records, alerts, requeued, possibleDuplicates, unknown, planningResumed, millis, 0);
    }
}
