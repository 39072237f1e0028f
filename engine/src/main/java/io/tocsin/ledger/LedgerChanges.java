package io.tocsin.ledger;

import java.util.List;

/**
 * The alerts whose view changed since a reader's cursor. {@code complete} is false when the reader fell so far
 * behind that the ledger no longer remembers every change (or keeps no change log at all): the reader must
 * then look at {@link LedgerView#alerts()} instead. {@code ids} may repeat an id; {@code cursor} is what to
 * pass next time.
 */
public record LedgerChanges(long cursor, List<String> ids, boolean complete) {

    /** "Look at everything": what ledgers without a change log answer. */
    public static LedgerChanges unknown() {
        return new LedgerChanges(0, List.of(), false);
    }
}
