package io.tocsin.ledger;

import io.tocsin.pipeline.Submission;
import java.util.List;
import java.util.Optional;

/**
 * The read side of the ledger. Snapshots are immutable and safe to read from any thread (the pipeline thread
 * publishes them); they may lag the ledger by a few milliseconds.
 */
public interface LedgerView {

    List<AlertView> alerts();

    Optional<AlertView> alert(String id);

    /**
     * The ids of alerts whose view changed since {@code cursor} (0 at first, then the cursor of the previous
     * answer), so that a poller costs O(changed alerts). Ledgers without a change log answer
     * {@link LedgerChanges#unknown()}: look at {@link #alerts()}.
     */
    default LedgerChanges changesSince(long cursor) {
        return LedgerChanges.unknown();
    }

    /** The alerts and the journal position they reflect, taken together. */
    default LedgerSnapshot snapshot() {
        return new LedgerSnapshot(journalRecords(), alerts());
    }

    /** How many journal records the current snapshot reflects (-1 when unknown). */
    default long journalRecords() {
        return -1;
    }

    /**
     * The submission an alert came from (the CAP model, the raw body as received and its content type), for
     * feeds and the console's map. Ledgers that do not keep it return empty; the Atom feed then lists nothing
     * for that alert (its scope is unknown).
     */
    default Optional<Submission> submission(String id) {
        return Optional.empty();
    }

    /**
     * Whether {@link #submission} answers for every alert (read back from the journal), so that callers need not
     * keep bodies of their own.
     */
    default boolean keepsSubmissions() {
        return false;
    }

    /**
     * Per-channel delivery details of an alert for the after-action report (first/last dispatch, time to
     * 50/90/99/100% delivered, failures by reason, retries, duplicates). Ledgers that do not keep them return
     * empty.
     */
    default Optional<DeliveryView> delivery(String id) {
        return Optional.empty();
    }
}
