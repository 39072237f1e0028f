package io.tocsin.ledger;

import io.tocsin.journal.Journal;

/**
 * Rebuilds a ledger from a journal without an engine: for audits, reports, and for checking that a replayed
 * ledger equals the one that was live. Not thread-safe (one caller).
 */
public final class LedgerReplay {
    private LedgerReplay() {
    }

    /** Applies the first {@code limit} records (all when negative) and returns the published snapshot. */
    public static LedgerSnapshot replay(Journal journal, long limit) {
        Ledger ledger = new Ledger(journal);
        long[] n = {0};
        journal.replay((pos, r) -> {
            if (limit < 0 || n[0] < limit) {
                ledger.apply(r, pos);
                n[0]++;
            }
        });
        ledger.publish();
        return ledger.view().snapshot();
    }

    /** Replays everything and returns the ledger itself (to query dispatch states). */
    public static Ledger rebuild(Journal journal) {
        Ledger ledger = new Ledger(journal);
        journal.replay((pos, r) -> ledger.apply(r, pos));
        ledger.publish();
        return ledger;
    }
}
