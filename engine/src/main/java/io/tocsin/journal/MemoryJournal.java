package io.tocsin.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Journal} in memory (tests, benchmarks' baselines, a laptop dry run). Nothing survives the process.
 * Thread-safe (synchronised).
 */
public final class MemoryJournal implements Journal {
    private final List<JournalRecord> records = new ArrayList<>();
    private long appended;

    @Override
    public synchronized long append(JournalRecord record) {
        records.add(record);
        appended++;
        return records.size() - 1;
    }

    @Override
    public long replay(RecordHandler handler) {
        List<JournalRecord> copy;
        synchronized (this) {
            copy = new ArrayList<>(records);
        }
        for (int i = 0; i < copy.size(); i++) {
            handler.onRecord(i, copy.get(i));
        }
        return copy.size();
    }

    @Override
    public synchronized JournalRecord read(long position) {
        return position < 0 || position >= records.size() ? null : records.get((int) position);
    }

    public long read(long[] positions, RecordHandler handler) {
        List<JournalRecord> copy;
        synchronized (this) {
            copy = new ArrayList<>(records);
        }
        for (long pos : positions) {
            handler.onRecord(pos, copy.get((int) pos));
        }
        return positions.length;
    }

    @Override
    public void flush() {
    }

    @Override
    public synchronized long lastPosition() {
        return records.size() - 1;
    }

    @Override
    public synchronized long appended() {
        return appended;
    }

    @Override
    public void close() {
    }
}
