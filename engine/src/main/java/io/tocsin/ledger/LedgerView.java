package io.tocsin.ledger;

import java.util.List;
import java.util.Optional;

/**
 * The read side of the ledger. Snapshots are immutable and safe to read from any thread (the pipeline thread
 * publishes them); they may lag the ledger by a few milliseconds.
 */
public interface LedgerView {

    List<AlertView> alerts();

    Optional<AlertView> alert(String id);

    /** The alerts and the journal position they reflect, taken together. */
    default LedgerSnapshot snapshot() {
        return new LedgerSnapshot(journalRecords(), alerts());
    }

    /** How many journal records the current snapshot reflects (-1 when unknown). */
    default long journalRecords() {
        return -1;
    }
}
