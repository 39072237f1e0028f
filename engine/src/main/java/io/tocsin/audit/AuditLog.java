package io.tocsin.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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
 * existing log verifies it and continues its chain; a broken log refuses to open for appending.
 */
public final class AuditLog implements AutoCloseable {
    public static final String FILE_NAME = "audit.log";
    private final Path file;
    private final Clock clock;
    private final ChainHash hash;
    private final BufferedWriter out;
    private final FileChannel channel;
    private final boolean fsync;
    private long seq;
    private String head;

    private AuditLog(Path file, Clock clock, byte[] key, boolean fsync, long seq, String head) throws IOException {
        this.file = file;
        this.clock = clock;
        this.hash = new ChainHash(key);
        this.fsync = fsync;
        this.seq = seq;
        this.head = head;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.out = new BufferedWriter(java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Opens (creating if needed) the log in {@code dir}; {@code key} may be null for plain SHA-256. */
    public static AuditLog open(Path dir, Clock clock, byte[] key, boolean fsync) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE_NAME);
            if (!Files.exists(file)) {
                return new AuditLog(file, clock, key, fsync, 0, ChainHash.GENESIS);
            }
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

    /** Appends one record and returns its hash. Buffered: call {@link #flush()} at the end of a batch. */
    public synchronized String append(String type, String actor, String alertId, String detail) {
        String body = AuditLine.body(seq, clock.instant(), type, actor, alertId, detail, head);
        String h = hash.of(body);
        try {
            out.write(AuditLine.withHash(body, h));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        seq++;
        head = h;
        return h;
    }

    /** Writes buffered records to the file (and to the disk when opened with fsync). */
    public synchronized void flush() {
        try {
            out.flush();
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
    public synchronized String head() { return head; }

    public Path file() { return file; }

    /** Reads every record back (for reports); verification is separate, see {@link AuditVerifier}. */
    public List<AuditRecord> readAll() {
        flush();
        return AuditVerifier.read(file);
    }

    @Override
    public synchronized void close() {
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
