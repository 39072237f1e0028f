package io.tocsin.journal;

import io.tocsin.ledger.AlertState;

/** The engine closed an alert by itself (e.g. EXPIRED at its {@code expires}); queued work is dropped. */
public record AlertClosed(long at, String alertId, AlertState state, String detail) implements JournalRecord {
}
