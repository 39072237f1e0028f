package io.tocsin.journal;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the journal's current file a little ahead of the appender, on its own thread, so the kernel brings those
 * pages into its page cache here and not inside the appending thread's page fault.
 *
 * <p>Why: Chronicle writes through a shared mapping of a sparse file. The first touch of a page not yet in the page
 * cache is a fault that reads ahead (8 MB with {@code read_ahead_kb=8192}, common on virtual disks) and, for the
 * not-yet-written part of the file, zero-fills all of it before the fault returns. On the 2-core test machine that
 * was a 20–25 ms stall of the pipeline thread every 8 MB of journal (every 1.5 s at 1,000 alerts/s), which set the
 * ack p99. Reading the same range with {@code pread} pays that cost on this thread; the appender's later fault finds
 * the pages cached and only maps them. The read pages are clean, so nothing extra is written to disk.
 *
 * <p>Thread-safety: {@link #advance} from the appending thread; everything else runs on the warmer's own thread.
 */
final class PageCacheWarmer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PageCacheWarmer.class);
    /** How far ahead of the write position pages are brought in. */
    static final long AHEAD_BYTES = 32L << 20;
    private static final long POLL_NANOS = 5_000_000L;

    private final Thread thread;
    private volatile File file;
    private volatile long writePosition = -1;
    private volatile boolean closed;
    private volatile long warmedBytes;

    PageCacheWarmer(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The appender wrote up to {@code position} of {@code current}. Cheap: two volatile writes. */
    void advance(File current, long position) {
        if (current != file) {
            file = current;
        }
        writePosition = position;
    }

    /** Bytes read ahead so far (for tests and diagnostics). */
    long warmedBytes() {
        return warmedBytes;
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        File open = null;
        FileChannel channel = null;
        long cursor = 0;
        try {
            while (!closed) {
                File f = file;
                long at = writePosition;
                if (f != null && at >= 0) {
                    if (f != open) {
                        close(channel);
                        channel = FileChannel.open(f.toPath(), StandardOpenOption.READ);
                        open = f;
                        cursor = at;
                    }
                    cursor = Math.max(cursor, at);
                    long end = Math.min(at + AHEAD_BYTES, channel.size());
                    while (cursor < end && !closed) {
                        buffer.clear().limit((int) Math.min(buffer.capacity(), end - cursor));
                        int n = channel.read(buffer, cursor);
                        if (n <= 0) {
                            break;
                        }
                        cursor += n;
                        warmedBytes += n;
                    }
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        } catch (IOException | RuntimeException e) {
            // Only a latency aid: the journal works the same without it.
            LOG.warn("journal page-cache warmer stopped: {}", e.toString());
        } finally {
            close(channel);
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only channel: nothing to lose
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
