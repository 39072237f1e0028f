package io.tocsin.pipeline;

import io.tocsin.journal.JournalRecord;

/** Journals a record, then applies it to the ledger (and queues what it plans). Pipeline thread only. */
interface Recorder {
    void record(JournalRecord record);
}
