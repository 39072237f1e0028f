package io.tocsin.planning;

import io.tocsin.journal.JournalRecord;

/** Where the planner's decisions go: journaled, applied to the ledger and queued (pipeline thread). */
public interface PlanOutput {

    void record(JournalRecord record);

    long nextDispatchId();
}
