package io.tocsin.audit;

import static io.tocsin.pipeline.testing.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Alert;
import io.tocsin.journal.AlertAccepted;
import io.tocsin.journal.AlertClosed;
import io.tocsin.journal.JournalRecord;
import io.tocsin.journal.PlanningProgress;
import io.tocsin.ledger.AlertState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-alert lines' details, built in one reused buffer, read as the String concatenations they replaced. */
class AuditTrailTest {
    @TempDir
    Path dir;

    @Test
    void perAlertDetailsAreTheTextTheConcatenationsMade() {
        Alert a = alert("A1", "Extreme", "Immediate", "2026-11-29T18:00:00+08:00");
        byte[] raw = "<alert>台风</alert>".getBytes(StandardCharsets.UTF_8);
        String long1 = "0 whole-area dispatches; WARNING 台风红色预警 \"quoted\"\n".repeat(40);
        List<JournalRecord> records = List.of(
                new AlertAccepted(1, "tx-1", "gz-met", true, "application/cap+xml", raw, a, false),
                new PlanningProgress(2, "tx-1", PlanningProgress.Stage.AREAS_PLANNED, 12, long1),
                new PlanningProgress(3, "tx-1", PlanningProgress.Stage.RECIPIENTS_PLANNED, 7, null),
                new AlertAccepted(4, "tx-2", "gz-met", false, "application/cap+xml", raw, a, true),
                new AlertClosed(5, "tx-1", AlertState.EXPIRED, null),
                new AlertClosed(6, "tx-2", AlertState.DONE, "all sent"),
                new AlertAccepted(7, "tx-3", null, false, "application/json", new byte[0], a, false));
        AuditLog log = AuditLog.open(dir, Clock.fixed(Instant.parse("2026-11-29T22:00:00Z"), ZoneOffset.UTC), null,
                false);
        try (AuditTrail trail = new AuditTrail(log, id -> null)) {
            records.forEach(trail::onRecord);
            trail.flush();
            assertThat(trail.failures()).isZero();
        }

        List<AuditRecord> lines = AuditVerifier.read(log.file());
        assertThat(lines).extracting(AuditRecord::detail).containsExactlyElementsOf(
                records.stream().map(AuditTrailTest::concatenated).toList());
        assertThat(lines).extracting(AuditRecord::type)
                .containsExactly("submit", "planning", "planning", "submit", "close", "close", "submit");
        assertThat(AuditVerifier.verify(log.file(), null).intact()).isTrue();
    }

    /** AuditTrail's details as they were written before (commit 176c685). */
    private static String concatenated(JournalRecord record) {
        if (record instanceof AlertAccepted r) {
            return r.alert().status() + " " + r.alert().msgType() + " "
                    + r.alert().sender() + "," + r.alert().identifier() + "," + r.alert().sent()
                    + (r.needsApproval() ? " (needs approval)" : "")
                    + (r.correction() ? " (pre-approved correction)" : "") + " " + r.raw().length + " bytes";
        } else if (record instanceof AlertClosed r) {
            return r.state() + (r.detail() == null ? "" : ": " + r.detail());
        } else if (record instanceof PlanningProgress r) {
            return r.stage() + " " + r.count() + (r.detail() == null ? "" : ": " + r.detail());
        }
        throw new IllegalArgumentException(record.toString());
    }
}
