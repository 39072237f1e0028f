package io.tocsin.journal;

/**
 * One immutable fact in the journal. {@code at} is the engine clock's epoch milliseconds when the fact was
 * recorded: replay never reads the clock, so a replayed ledger equals the one that was live.
 */
public sealed interface JournalRecord
        permits AlertAccepted, OperatorAction, DispatchesPlanned, DispatchOutcome, DispatchRange, AlertClosed,
        PlanningProgress {

    long at();
}
