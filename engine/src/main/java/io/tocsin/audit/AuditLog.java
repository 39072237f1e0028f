package io.tocsin.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

/**
 * The tamper-evident audit trail: every submit, approval, rejection, dispatch batch, receipt batch, cancel
 * and operator action, appended as a hash chain to {@code <dir>/audit.log}.
 *
 * <p>One writer: the pipeline thread (methods are synchronized so a misuse is safe, not fast). Reopening an
 * existing log verifies it and continues its chain; a broken log refuses to open for appending. A last line
 * without its newline is a write torn by a crash (kill -9 while the buffer was going out), not tampering: it is
 * cut off before verifying, and the cut is logged.
 */
public final class AuditLog implements AutoCloseable {
    public static final String FILE_NAME = "audit.log";
    private final Path file;
    private final Clock clock;
    private final AuditLineWriter out;
    private final FileChannel channel;
    private final boolean fsync;
    private long seq;
    private boolean closed;

    private AuditLog(Path file, Clock clock, byte[] key, boolean fsync, long seq, String head) throws IOException {
        this.file = file;
        this.clock = clock;
        this.fsync = fsync;
        this.seq = seq;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.out = new AuditLineWriter(channel, new ChainHash(key), head, 1 << 16);
    }

    /** Opens (creating if needed) the log in {@code dir}; {@code key} may be null for plain SHA-256. */
    public static AuditLog open(Path dir, Clock clock, byte[] key, boolean fsync) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE_NAME);
            if (!Files.exists(file)) {
                return new AuditLog(file, clock, key, fsync, 0, ChainHash.GENESIS);
            }
            cutTornTail(file);
            AuditVerdict verdict = AuditVerifier.verify(file, key);
            if (!verdict.intact()) {
                throw new IllegalStateException("audit log " + file + " is broken, not appending to it: "
                        + verdict.problem());
            }
            return new AuditLog(file, clock, key, fsync, verdict.records(), verdict.head());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Truncates the file after its last newline when it does not end with one (a record torn by a crash). */
    static long cutTornTail(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long end = size;
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                ch.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end < size) {
                ch.truncate(end);
                org.slf4j.LoggerFactory.getLogger(AuditLog.class).warn(
                        "audit log {}: cut {} bytes of a record torn by a crash after the last complete line", file,
                        size - end);
            }
            return size - end;
        }
    }

    /** Appends one record and returns its hash. Buffered: call {@link #flush()} at the end of a batch. */
    public synchronized String append(String type, String actor, String alertId, String detail) {
        write(type, actor, alertId, detail);
        return out.head();
    }

    /** {@link #append} without making the hash a String (the pipeline thread's path); the detail is read now. */
    synchronized void write(String type, String actor, String alertId, CharSequence detail) {
        try {
            if (closed) {
                throw new ClosedChannelException();
            }
            out.add(seq, clock.instant(), type, actor, alertId, detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        seq++;
    }

    /** Writes buffered records to the file (and to the disk when opened with fsync). */
    public synchronized void flush() {
        try {
            if (closed) {
                throw new ClosedChannelException();
            }
            out.drain();
            if (fsync) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records appended so far (including those found at open). */
    public synchronized long size() { return seq; }

    /** Hash of the last record: publish it (reports, /health) to anchor the chain outside this file. */
    public synchronized String head() { return out.head(); }

    public Path file() { return file; }

    /** Reads every record back (for reports); verification is separate, see {@link AuditVerifier}. */
    public List<AuditRecord> readAll() {
        flush();
        return AuditVerifier.read(file);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
