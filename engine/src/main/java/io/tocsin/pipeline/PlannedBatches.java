package io.tocsin.pipeline;

import io.tocsin.connector.DispatchState;
import io.tocsin.journal.DispatchesPlanned;
import io.tocsin.journal.Journal;
import io.tocsin.ledger.Ledger;
import java.util.Arrays;

/**
 * Start-up: the planned batches met during the one full replay — where each is in the journal (position, first
 * dispatch id, size) and, within a budget of targets, the decoded batch itself — so that afterwards the batches
 * still needed (a dispatch still PLANNED or SUBMITTED, to queue again, or ACCEPTED, awaiting its receipt) come
 * from memory, or failing that from a read of just their positions, instead of from a second pass over
 * everything. Kept batches that finish while the replay goes on are let go every {@value #PRUNE_EVERY} targets
 * (a finished batch never needs anything again: no state leads back to PLANNED, SUBMITTED or ACCEPTED), so the
 * memory held is about what the queues will hold anyway.
 *
 * <p>Not thread-safe: used by the starting thread only.
 */
final class PlannedBatches {
    static final int PRUNE_EVERY = 262_144;

    private final Ledger ledger;
    private final long budget;
    private final long pruneEvery;
    private long[] positions = new long[256];
    private long[] firstIds = new long[256];
    private int[] sizes = new int[256];
    private DispatchesPlanned[] kept = new DispatchesPlanned[256];
    private int count;
    private long keptTargets;
    private long sincePrune;

    /**
     * @param budget     most targets held in memory at once; batches beyond it are read again from the journal
     * @param pruneEvery targets added between two looks for finished batches to let go of
     */
    PlannedBatches(Ledger ledger, long budget, long pruneEvery) {
        this.ledger = ledger;
        this.budget = budget;
        this.pruneEvery = pruneEvery;
    }

    /** During the replay, each planned batch after the ledger applied it. */
    void add(long position, DispatchesPlanned d) {
        if (count == positions.length) {
            positions = Arrays.copyOf(positions, count * 2);
            firstIds = Arrays.copyOf(firstIds, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
            kept = Arrays.copyOf(kept, count * 2);
        }
        int size = d.targets().size();
        positions[count] = position;
        firstIds[count] = d.firstId();
        sizes[count] = size;
        sincePrune += size;
        if (sincePrune >= pruneEvery) {
            prune();
        }
        if (keptTargets + size <= budget) {
            kept[count] = d;
            keptTargets += size;
        }
        count++;
    }

    int count() { return count; }

    /** Targets held in memory now. */
    long keptTargets() { return keptTargets; }

    /**
     * After the replay: the batches still needed, in journal order — those held, and those beyond the budget read
     * again from {@code journal} (only their positions). Lets go of everything else.
     */
    DispatchesPlanned[] unfinished(Journal journal) {
        DispatchesPlanned[] out = new DispatchesPlanned[count];
        long[] reread = new long[count];
        int[] slots = new int[count];
        int n = 0;
        int r = 0;
        for (int b = 0; b < count; b++) {
            if (unfinished(b)) {
                if (kept[b] == null) {
                    reread[r] = positions[b];
                    slots[r++] = n;
                }
                out[n++] = kept[b];
            }
            kept[b] = null;
        }
        keptTargets = 0;
        int[] next = {0};
        journal.read(Arrays.copyOf(reread, r), (pos, record) -> {
            if (!(record instanceof DispatchesPlanned d)) {
                throw new IllegalStateException("journal position " + pos + " is not a planned batch: " + record);
            }
            out[slots[next[0]++]] = d;
        });
        if (next[0] != r) {
            throw new IllegalStateException("the journal gave back " + next[0] + " of " + r + " planned batches");
        }
        return Arrays.copyOf(out, n);
    }

    private void prune() {
        sincePrune = 0;
        for (int b = 0; b < count; b++) {
            if (kept[b] != null && !unfinished(b)) {
                keptTargets -= sizes[b];
                kept[b] = null;
            }
        }
    }

    /** Whether batch {@code b} has a dispatch PLANNED, SUBMITTED or ACCEPTED (stops at the first). */
    private boolean unfinished(int b) {
        for (long id = firstIds[b], end = firstIds[b] + sizes[b]; id < end; id++) {
            DispatchState s = ledger.stateOf(id);
            if (s == DispatchState.PLANNED || s == DispatchState.SUBMITTED || s == DispatchState.ACCEPTED) {
                return true;
            }
        }
        return false;
    }
}
