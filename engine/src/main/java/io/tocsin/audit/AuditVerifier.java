package io.tocsin.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a chain from the start and says where it first breaks:
 * <ul>
 *   <li>a record's bytes changed → its hash no longer matches ("edited");</li>
 *   <li>a record removed or two swapped → the sequence number or the {@code prev} link is wrong there.</li>
 * </ul>
 * Streaming: memory does not grow with the file. Stateless and thread-safe.
 */
public final class AuditVerifier {
    private AuditVerifier() {
    }

    public static AuditVerdict verify(Path file, byte[] key) {
        ChainHash hash = new ChainHash(key);
        String prev = ChainHash.GENESIS;
        long line = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                long expectedSeq = line - 1;
                String body = AuditLine.bodyOf(text);
                if (body == null) {
                    return AuditVerdict.broken(line - 1, line, "not an audit record (no hash), record edited or truncated");
                }
                String claimed = AuditLine.hashOf(text);
                if (!hash.of(body).equals(claimed)) {
                    return AuditVerdict.broken(line - 1, line, "hash does not match the record's content: record edited");
                }
                AuditRecord r;
                try {
                    r = AuditLine.parse(text);
                } catch (IOException | RuntimeException e) {
                    return AuditVerdict.broken(line - 1, line, "unreadable record: " + e.getMessage());
                }
                if (r.seq() != expectedSeq) {
                    return AuditVerdict.broken(line - 1, line, "sequence " + r.seq() + " where " + expectedSeq
                            + " was expected: a record was removed or records were reordered");
                }
                if (!r.prev().equals(prev)) {
                    return AuditVerdict.broken(line - 1, line,
                            "does not chain to the record before it: a record was removed, inserted or reordered");
                }
                prev = claimed;
            }
        } catch (java.nio.charset.MalformedInputException e) {
            return AuditVerdict.broken(line, line + 1, "invalid UTF-8: record edited");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuditVerdict.ok(line, prev);
    }

    static List<AuditRecord> read(Path file) {
        List<AuditRecord> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while ((text = in.readLine()) != null) {
                out.add(AuditLine.parse(text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
