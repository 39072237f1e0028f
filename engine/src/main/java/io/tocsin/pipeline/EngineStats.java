package io.tocsin.pipeline;

import java.util.ArrayList;
import java.util.List;

/** Publishes {@link EngineMetrics} snapshots from the pipeline thread to any reader. Thread-safe. */
final class EngineStats {
    private final long intakeSize;
    private final IntakeRing intake;
    private final ReceiptRing receipts;
    private volatile EngineMetrics metrics = new EngineMetrics(0, 0, 0, 0, List.of(), 0, 0, 0, 0, null);
    private volatile PurgeStats lastPurge;

    EngineStats(long intakeSize, IntakeRing intake, ReceiptRing receipts) {
        this.intakeSize = intakeSize;
        this.intake = intake;
        this.receipts = receipts;
    }

    void purged(String alertId, long dispatches, long nanos) {
        lastPurge = new PurgeStats(alertId, dispatches, nanos);
    }

    void publish(Pipeline p) {
        List<ConnectorStats> cs = new ArrayList<>();
        for (ConnectorQueue q : p.router.queues()) {
            cs.add(new ConnectorStats(q.name(), q.connector.kind().name(), q.depth(), q.inFlight, q.offered,
                    q.rejected, q.closed));
        }
        metrics = new EngineMetrics(p.ledger.recordsApplied(), intakeSize - intake.remainingCapacity(),
                intake.remainingCapacity(), receipts.remainingCapacity(), List.copyOf(cs), p.planner.activeJobs(),
                p.ledger.illegalTransitions(), p.possibleDuplicates, p.dispatcher.expiredAtSend, lastPurge);
    }

    EngineMetrics metrics() {
        EngineMetrics m = metrics;
        PurgeStats purge = lastPurge;
        if (purge != m.lastPurge()) {
            m = new EngineMetrics(m.journalRecords(), m.journalLag(), m.intakeRingFree(), m.receiptRingFree(),
                    m.connectors(), m.planningJobs(), m.illegalTransitions(), m.possibleDuplicates(),
                    m.expiredAtSend(), purge);
        }
        return m;
    }
}
