package io.tocsin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T01:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void anUntouchedChainVerifies() {
        Path file = write(100, null);
        AuditVerdict v = AuditVerifier.verify(file, null);
        assertThat(v.intact()).isTrue();
        assertThat(v.records()).isEqualTo(100);
    }

    @Test
    void oneByteChangedInTheMiddleIsFoundAtItsLine() throws Exception {
        Path file = write(100, null);
        byte[] bytes = Files.readAllBytes(file);
        List<String> lines = Files.readAllLines(file);
        int offset = 0;
        for (int i = 0; i < 49; i++) {
            offset += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        int target = offset + lines.get(49).indexOf("operator-49") + "operator-4".length();
        bytes[target] = (byte) '8';
        Files.write(file, bytes);

        AuditVerdict v = AuditVerifier.verify(file, null);

        assertThat(v.intact()).isFalse();
        assertThat(v.badLine()).isEqualTo(50);
        assertThat(v.problem()).contains("line 50").contains("edited");
        assertThat(v.records()).isEqualTo(49);
    }

    @Test
    void aRemovedRecordIsFound() throws Exception {
        Path file = write(20, null);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(7);
        Files.write(file, lines);

        AuditVerdict v = AuditVerifier.verify(file, null);

        assertThat(v.intact()).isFalse();
        assertThat(v.badLine()).isEqualTo(8);
        assertThat(v.problem()).contains("removed");
    }

    @Test
    void swappedRecordsAreFound() throws Exception {
        Path file = write(20, null);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        Collections.swap(lines, 11, 12);
        Files.write(file, lines);

        AuditVerdict v = AuditVerifier.verify(file, null);

        assertThat(v.intact()).isFalse();
        assertThat(v.badLine()).isEqualTo(12);
        assertThat(v.problem()).contains("reordered");
    }

    @Test
    void aRecomputedChainIsCaughtWhenKeyed() throws Exception {
        byte[] key = "k3y".getBytes(StandardCharsets.UTF_8);
        Path file = write(10, key);
        assertThat(AuditVerifier.verify(file, key).intact()).isTrue();
        // Someone without the key rewrites the file with a self-consistent plain SHA-256 chain.
        Path forged = dir.resolve("forged");
        try (AuditLog log = AuditLog.open(forged, CLOCK, null, false)) {
            for (int i = 0; i < 10; i++) {
                log.append("SUBMIT", "operator-" + i, "A-" + i, "forged");
            }
        }
        Files.copy(forged.resolve(AuditLog.FILE_NAME), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(AuditVerifier.verify(file, key).intact()).isFalse();
    }

    @Test
    void reopeningContinuesTheChain() {
        write(5, null);
        try (AuditLog log = AuditLog.open(dir, CLOCK, null, false)) {
            assertThat(log.size()).isEqualTo(5);
            log.append("CANCEL", "operator-x", "A-1", "reopened");
        }
        AuditVerdict v = AuditVerifier.verify(dir.resolve(AuditLog.FILE_NAME), null);
        assertThat(v.intact()).isTrue();
        assertThat(v.records()).isEqualTo(6);
    }

    @Test
    void aBrokenLogRefusesToBeAppendedTo() throws Exception {
        Path file = write(5, null);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replace("SUBMIT", "SUBMXT"));
        Files.write(file, lines);
        assertThatThrownBy(() -> AuditLog.open(dir, CLOCK, null, false))
                .hasMessageContaining("line 3");
    }

    @Test
    void aRecordTornByACrashIsCutAndTheChainContinues() throws Exception {
        Path file = write(5, null);
        String torn = Files.readAllLines(file).get(4);
        Files.writeString(file, torn.substring(0, torn.length() / 2), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND); // kill -9 while the buffer was going out
        try (AuditLog log = AuditLog.open(dir, CLOCK, null, false)) {
            assertThat(log.size()).isEqualTo(5);
            log.append("CANCEL", "operator-x", "A-1", "after the crash");
        }
        AuditVerdict v = AuditVerifier.verify(file, null);
        assertThat(v.intact()).isTrue();
        assertThat(v.records()).isEqualTo(6);
    }

    @Test
    void aBrokenCompleteLastLineStillRefuses() throws Exception {
        Path file = write(5, null);
        Files.writeString(file, "not a record\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> AuditLog.open(dir, CLOCK, null, false)).hasMessageContaining("line 6");
    }

    private Path write(int n, byte[] key) {
        try (AuditLog log = AuditLog.open(dir, CLOCK, key, false)) {
            for (int i = 0; i < n; i++) {
                log.append("SUBMIT", "operator-" + i, "A-" + i, "detail with \"quotes\" and 中文 " + i);
            }
            return log.file();
        }
    }
}
