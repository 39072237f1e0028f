package io.tocsin.pipeline;

import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.journal.DispatchOutcome;
import io.tocsin.journal.DispatchesPlanned;
import io.tocsin.ledger.AlertEntry;
import io.tocsin.ledger.DispatchBatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up: replays the journal into the ledger (noting where each planned batch is), then reads again only the
 * batches not finished, to put back in the queues every dispatch that is still PLANNED, and — if its alert is
 * still live — every dispatch that was SUBMITTED but not answered when the engine stopped (a possible duplicate, at most the in-flight window). Dispatches the peer
 * acknowledged (ACCEPTED and later) are never sent again. Planning of unfinished alerts resumes. Dispatches
 * still ACCEPTED (no final outcome yet) are gathered for their connectors, which correlate late receipts.
 *
 * <p>Runs on the starting thread before the pipeline thread exists.
 */
final class Recovery {
    /**
     * Most planned targets held in memory during the replay (about 100 bytes each); batches beyond it are read
     * again. Package-private and mutable for tests only.
     */
    static long keptTargetsBudget = 4_000_000;
    /** Targets replayed between two looks for held batches that finished. Mutable for tests only. */
    static long pruneEvery = PlannedBatches.PRUNE_EVERY;

    private Recovery() {
    }

    /** Also gathers into {@code awaiting} the dispatches still ACCEPTED, for their connectors' receipts. */
    static RecoveryReport run(Pipeline p, Clock clock, AwaitingReceipts awaiting) {
        long t0 = System.currentTimeMillis();
        // One full pass: the ledger, the planned batches, and which outcome accepted each dispatch still ACCEPTED.
        PlannedBatches batches = new PlannedBatches(p.ledger, keptTargetsBudget, pruneEvery);
        long records = p.journal.replay((pos, r) -> {
            p.ledger.apply(r, pos);
            if (r instanceof DispatchesPlanned d) {
                batches.add(pos, d);
            } else if (r instanceof DispatchOutcome o) {
                awaiting.onOutcome(o);
            }
        });
        p.ledger.drainCorrectionsTimed(); // audited when they happened, not again at every start
        // Then the batches not finished: held since the pass, or read again beyond the memory budget.
        List<DispatchesPlanned> open = new ArrayList<>();
        for (DispatchesPlanned d : batches.unfinished(p.journal)) {
            if (hasOpen(p, d)) {
                open.add(d);
            }
            awaiting.onPlanned(d);
        }
        awaiting.finish();
        long requeued = 0;
        long duplicates = 0;
        long unknown = 0;
        long now = clock.millis();
        for (DispatchesPlanned d : open) {
            DispatchBatch meta = p.ledger.batchOf(d.firstId());
            boolean mayResend = meta.action() == DispatchAction.CANCEL || meta.alertLive();
            for (int i = 0; i < d.targets().size(); i++) {
                long id = d.firstId() + i;
                if (p.ledger.stateOf(id) == DispatchState.SUBMITTED) {
                    if (mayResend) {
                        p.record(new DispatchOutcome(now, id, DispatchState.PLANNED, null,
                                "re-sent after restart: may have reached the peer before"));
                        duplicates++;
                    } else {
                        p.record(new DispatchOutcome(now, id, DispatchState.UNKNOWN, null,
                                "submitted before restart, no answer; alert no longer live"));
                        unknown++;
                    }
                }
            }
            long[] n = {0};
            p.enqueue(meta, d.targets(), d.firstId(), id -> {
                boolean planned = p.ledger.stateOf(id) == DispatchState.PLANNED;
                if (planned) {
                    n[0]++;
                }
                return planned;
            });
            requeued += n[0];
        }
        p.possibleDuplicates += duplicates;
        int resumed = 0;
        for (AlertEntry e : new ArrayList<>(p.ledger.entries())) {
            if (e.live() && !(e.areasPlanned() && e.recipientsPlanned())) {
                resumed++;
            }
            p.afterAccepted(e);
        }
        p.publish();
        return new RecoveryReport(records, p.ledger.entries().size(), requeued - duplicates, duplicates, unknown,
                resumed, System.currentTimeMillis() - t0, awaiting.count());
    }

    private static boolean hasOpen(Pipeline p, DispatchesPlanned d) {
        for (int i = 0; i < d.targets().size(); i++) {
            DispatchState s = p.ledger.stateOf(d.firstId() + i);
            if (s == DispatchState.PLANNED || s == DispatchState.SUBMITTED) {
                return true;
            }
        }
        return false;
    }
}
