package io.tocsin.journal;

/**
 * The engine's source of truth: an append-only log of {@link JournalRecord}s. Everything the ledger shows and
 * everything needed after a crash is rebuilt by {@link #replay replaying} it from the start.
 *
 * <p>Thread-safety: one writer thread (the pipeline thread) appends; {@link #replay} is called before the
 * writer starts or from a separate reader. {@link #lastPosition()} may be read from any thread.
 */
public interface Journal extends AutoCloseable {

    /**
     * Appends one record. When this returns the record survives a crash of this process ({@code kill -9});
     * with {@link JournalConfig#fsync()} it also survives a power loss. Returns the record's position.
     */
    long append(JournalRecord record);

    /** Reads every record from the start, in append order; returns how many were read. */
    long replay(RecordHandler handler);

    /**
     * The record at {@code position} (a value {@link #append} returned or {@link #replay} reported), or null when
     * there is none or this journal cannot read by position. Thread-safe: readers on any thread, beside the writer.
     */
    default JournalRecord read(long position) {
        return null;
    }

    /**
     * Reads only the records at {@code positions} (ascending positions that {@link #replay} reported), in that
     * order; returns how many were read. A restart's second look at the few records its full pass found it needs.
     * This default makes one full pass and keeps the wanted ones; journals that can seek override it.
     */
    default long read(long[] positions, RecordHandler handler) {
        long[] n = {0};
        if (positions.length > 0) {
            replay((pos, r) -> {
                if (java.util.Arrays.binarySearch(positions, pos) >= 0) {
                    handler.onRecord(pos, r);
                    n[0]++;
                }
            });
        }
        return n[0];
    }

    /** Forces appended records to the storage device (a no-op when {@code fsync} handles it per append). */
    void flush();

    /** Position of the last appended record, or -1 when nothing was appended by this instance. */
    long lastPosition();

    /** Records appended by this instance since it was opened. */
    long appended();

    @Override
    void close();
}
