package io.tocsin.journal;

/** Receives records during {@link Journal#replay}, with their position. Called on the replaying thread. */
@FunctionalInterface
public interface RecordHandler {
    void onRecord(long position, JournalRecord record);
}
