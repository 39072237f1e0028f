package io.tocsin.pipeline;

import java.util.List;

/**
 * A snapshot of the engine's gauges and counters, refreshed by the pipeline thread every few milliseconds.
 *
 * @param journalRecords      records in the journal (replayed at start + appended since)
 * @param journalLag          intake commands claimed in the ring but not yet journaled and answered
 * @param intakeRingFree      free slots in the intake ring (0 = ingress gets SATURATED)
 * @param receiptRingFree     free slots in the receipts ring
 * @param connectors          per connector queue depth, window and counts
 * @param planningJobs        alerts whose areas are still being resolved and planned
 * @param illegalTransitions  dispatch state changes refused by the state machine (duplicate or late receipts)
 * @param possibleDuplicates  dispatches re-sent after a restart that may have reached the peer before the crash
 * @param expiredAtSend       dispatches dropped at the head of a queue because their alert had expired
 * @param lastPurge           the last cancel/update/expiry purge, or null
 */
public record EngineMetrics(
        long journalRecords,
        long journalLag,
        long intakeRingFree,
        long receiptRingFree,
        List<ConnectorStats> connectors,
        int planningJobs,
        long illegalTransitions,
        long possibleDuplicates,
        long expiredAtSend,
        PurgeStats lastPurge) {

    public long queued() {
        return connectors.stream().mapToLong(ConnectorStats::queued).sum();
    }

    public long inFlight() {
        return connectors.stream().mapToLong(ConnectorStats::inFlight).sum();
    }
}
