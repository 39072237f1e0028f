package io.tocsin.journal;

import java.nio.file.Path;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * {@link Journal} on a Chronicle Queue in a directory: memory-mapped files, so an append is in the OS page
 * cache when {@link #append} returns and survives {@code kill -9}; {@link JournalConfig#fsync()} makes every
 * append msync as well.
 *
 * <p>Thread-safety: {@link #append} from one thread at a time (a thread that takes over, e.g. the pipeline thread
 * after recovery, gets its own appender);
 * {@link #replay} and {@link #read} use their own tailers and may run on any thread.
 */
public final class ChronicleJournal implements Journal {
    private final ChronicleQueue queue;
    private final boolean fsync;
    private ExcerptAppender appender;
    private Thread appenderThread;
    /**
     * Encoding buffer reused by the appending thread: one copy into the queue, no per-append lambda. Off-heap, so
     * the copy into the mapped file is one memory copy; from an on-heap buffer Chronicle copies 8 bytes at a time
     * with a bounds check each (26% of the pipeline thread under ingest load).
     */
    private net.openhft.chronicle.bytes.Bytes<?> scratch;
    /** An alert's JSON is encoded here (confined to the appending thread like {@link #scratch}). */
    private final JsonBuffer json = new JsonBuffer(8192);
    private volatile long lastPosition = -1;
    private long appended;
    private final PageCacheWarmer warmer;
    private int warmedCycle = Integer.MIN_VALUE;
    private java.io.File warmedFile;

    private ChronicleJournal(ChronicleQueue queue, boolean fsync) {
        this.queue = queue;
        this.fsync = fsync;
        this.warmer = new PageCacheWarmer("tocsin-journal-warmer");
    }

    public static ChronicleJournal open(Path directory, JournalConfig config) {
        SingleChronicleQueueBuilder builder = SingleChronicleQueueBuilder.binary(directory)
                .rollCycle(RollCycles.FAST_DAILY);
        if (config.fsync()) {
            builder.syncMode(SyncMode.SYNC);
        }
        return new ChronicleJournal(builder.build(), config.fsync());
    }

    @Override
    public long append(JournalRecord record) {
        if (appender == null || appenderThread != Thread.currentThread()) {
            // Chronicle appenders belong to one thread: recovery appends on the starting thread, then the
            // pipeline thread takes over with its own.
            appender = queue.createAppender();
            if (scratch != null) {
                scratch.releaseLast();
            }
            scratch = net.openhft.chronicle.bytes.Bytes.allocateElasticDirect(4096);
            // Both are confined to this thread by the check above; Chronicle's own per-write ownership check
            // was ~10% of the pipeline thread's samples under ingest load.
            scratch.singleThreadedCheckDisabled(true);
            appender.singleThreadedCheckDisabled(true);
            appenderThread = Thread.currentThread();
        }
        scratch.clear();
        RecordCodec.write(record, scratch, json);
        appender.writeBytes(scratch);
        if (appender.cycle() != warmedCycle) {
            warmedCycle = appender.cycle();
            warmedFile = appender.currentFile();
        }
        warmer.advance(warmedFile, appender.wire().bytes().writePosition());
        appended++;
        long index = appender.lastIndexAppended();
        lastPosition = index;
        return index;
    }

    @Override
    public long replay(RecordHandler handler) {
        long n = 0;
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.toStart();
            RecordReader reader = new RecordReader();
            while (tailer.readBytes(reader)) {
                handler.onRecord(tailer.lastReadIndex(), reader.record);
                n++;
            }
        }
        return n;
    }

    /** One record by its index: a fresh tailer per call (reads are rare: reports, feeds, late operator actions). */
    @Override
    public JournalRecord read(long position) {
        if (position < 0) {
            return null;
        }
        try (ExcerptTailer tailer = queue.createTailer()) {
            if (!tailer.moveToIndex(position)) {
                return null;
            }
            RecordReader reader = new RecordReader();
            return tailer.readBytes(reader) && tailer.lastReadIndex() == position ? reader.record : null;
        }
    }

    /** Seeks to each position (consecutive ones are read in sequence without a seek). */
    @Override
    public long read(long[] positions, RecordHandler handler) {
        long n = 0;
        try (ExcerptTailer tailer = queue.createTailer()) {
            RecordReader reader = new RecordReader();
            for (long pos : positions) {
                // after reading index k of a cycle the tailer stands at k + 1
                if ((n == 0 || tailer.lastReadIndex() + 1 != pos) && !tailer.moveToIndex(pos)) {
                    throw new IllegalStateException("the journal has no record at " + Long.toHexString(pos));
                }
                if (!tailer.readBytes(reader)) {
                    throw new IllegalStateException("the journal's record at " + Long.toHexString(pos)
                            + " cannot be read");
                }
                if (tailer.lastReadIndex() != pos) {
                    throw new IllegalStateException("the journal read " + Long.toHexString(tailer.lastReadIndex())
                            + " for " + Long.toHexString(pos));
                }
                handler.onRecord(pos, reader.record);
                n++;
            }
        }
        return n;
    }

    @Override
    public void flush() {
        // With fsync each append is msync'ed by the queue itself (SyncMode.SYNC); otherwise the mapped file is
        // already crash-safe for the process and the OS writes it back.
    }

    @Override
    public long lastPosition() {
        return lastPosition;
    }

    @Override
    public long appended() {
        return appended;
    }

    public boolean fsync() {
        return fsync;
    }

    /** Bytes of the journal file read ahead of the appender into the page cache (see {@link PageCacheWarmer}). */
    long warmedBytes() {
        return warmer.warmedBytes();
    }

    @Override
    public void close() {
        warmer.close();
        if (scratch != null) {
            scratch.releaseLast();
            scratch = null;
        }
        if (appender != null) {
            appender.close();
        }
        queue.close();
    }

    private static final class RecordReader implements net.openhft.chronicle.bytes.ReadBytesMarshallable {
        JournalRecord record;

        @Override
        public void readMarshallable(net.openhft.chronicle.bytes.BytesIn<?> in) {
            record = RecordCodec.read(in);
        }
    }
}
