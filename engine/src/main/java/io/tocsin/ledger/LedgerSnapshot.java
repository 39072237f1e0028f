package io.tocsin.ledger;

import java.util.List;

/** Every alert view as of {@code journalRecords} applied journal records, in acceptance order. Immutable. */
public record LedgerSnapshot(long journalRecords, List<AlertView> alerts) {

    public LedgerSnapshot {
        alerts = List.copyOf(alerts);
    }
}
