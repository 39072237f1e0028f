package io.tocsin.pipeline;

import static io.tocsin.pipeline.testing.TestAlerts.alert;
import static io.tocsin.pipeline.testing.TestAlerts.submission;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Alert;
import io.tocsin.journal.AlertAccepted;
import io.tocsin.journal.ChronicleJournal;
import io.tocsin.journal.JournalConfig;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.pipeline.testing.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class EngineIntakeTest {
    static final String EXPIRES = "2026-11-29T18:00:00+08:00";

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T02:00:00Z"));
    Engine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private Engine started() {
        engine = new Engine(EngineConfig.defaults(dir), FakeResolver.recipients(0), clock).start(List.of());
        return engine;
    }

    @Test
    void acceptedMeansTheAlertIsInTheJournal() throws Exception {
        Alert a = alert("A1", "Extreme", "Immediate", EXPIRES);
        IntakeOutcome out = started().intake().submit(submission(a)).get();
        assertThat(out.kind()).isEqualTo(IntakeOutcome.Kind.ACCEPTED);
        assertThat(out.alertId()).isNotBlank();
        // read the journal independently of the engine, while it still runs
        List<String> ids = new ArrayList<>();
        try (ChronicleJournal j = ChronicleJournal.open(dir.resolve("journal"), JournalConfig.defaults())) {
            j.replay((pos, r) -> {
                if (r instanceof AlertAccepted acc) {
                    ids.add(acc.alertId() + " " + acc.alert().key());
                }
            });
        }
        assertThat(ids).containsExactly(out.alertId() + " " + a.key());
        AlertView v = engine.ledger().alert(out.alertId()).orElseThrow();
        assertThat(v.identifier()).isEqualTo("A1");
        assertThat(v.publisher()).isEqualTo("gz-met");
    }

    @Test
    void sameSenderIdentifierAndSentIsADuplicateWithTheOriginalId() throws Exception {
        started();
        Alert a = alert("A1", "Extreme", "Immediate", EXPIRES);
        IntakeOutcome first = engine.intake().submit(submission(a)).get();
        IntakeOutcome again = engine.intake().submit(submission(a)).get();
        assertThat(again.kind()).isEqualTo(IntakeOutcome.Kind.DUPLICATE);
        assertThat(again.alertId()).isEqualTo(first.alertId());
        assertThat(engine.ledger().alerts()).hasSize(1);
    }

    @Test
    void fullRingAnswersSaturatedAtOnceWithoutBlocking() {
        engine = new Engine(EngineConfig.defaults(dir).withIntakeRingSize(4), FakeResolver.recipients(0), clock);
        // not started: nothing drains the ring
        List<CompletableFuture<IntakeOutcome>> fs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fs.add(engine.intake().submit(submission(alert("S" + i, "Minor", "Future", EXPIRES))));
        }
        assertThat(fs.subList(0, 4)).allSatisfy(f -> assertThat(f).isNotDone());
        assertThat(fs.subList(4, 6)).allSatisfy(f ->
                assertThat(f.join().kind()).isEqualTo(IntakeOutcome.Kind.SATURATED));
        engine.start(List.of());
        assertThat(fs.subList(0, 4)).allSatisfy(f ->
                assertThat(f.join().kind()).isEqualTo(IntakeOutcome.Kind.ACCEPTED));
    }

    @Test
    void approvalNeedsADifferentOperatorAndRejectionIsFinal() throws Exception {
        started();
        var s = io.tocsin.pipeline.testing.TestAlerts.submission(alert("P1", "Severe", "Expected", EXPIRES),
                "alice", true, null);
        IntakeOutcome out = engine.intake().submit(s).get();
        assertThat(out.state()).isEqualTo("PENDING_APPROVAL");
        IntakeOutcome self = engine.intake().approve(out.alertId(), "alice").get();
        assertThat(self.kind()).isEqualTo(IntakeOutcome.Kind.REJECTED);
        assertThat(self.reason()).contains("other than its submitter");
        IntakeOutcome ok = engine.intake().approve(out.alertId(), "bob").get();
        assertThat(ok.kind()).isEqualTo(IntakeOutcome.Kind.ACCEPTED);
        assertThat(ok.state()).isIn("ACTIVE", "DISPATCHING", "DONE");
        assertThat(engine.intake().reject(out.alertId(), "bob", "late").get().kind())
                .isEqualTo(IntakeOutcome.Kind.REJECTED);

        var s2 = io.tocsin.pipeline.testing.TestAlerts.submission(alert("P2", "Severe", "Expected", EXPIRES),
                "alice", true, null);
        String id2 = engine.intake().submit(s2).get().alertId();
        assertThat(engine.intake().reject(id2, "bob", "wrong district").get().state()).isEqualTo("REJECTED");
        AlertView v = engine.ledger().alert(id2).orElseThrow();
        assertThat(v.state()).isEqualTo(AlertState.REJECTED);
        assertThat(v.timeline()).anySatisfy(t -> assertThat(t.detail()).contains("wrong district"));
    }

    @Test
    void operatorCommandsOnUnknownAlertsAreNotFound() throws Exception {
        started();
        assertThat(engine.intake().cancel("tx-999999", "bob", "x").get().kind())
                .isEqualTo(IntakeOutcome.Kind.NOT_FOUND);
        assertThat(engine.intake().approve("nope", "bob").get().kind()).isEqualTo(IntakeOutcome.Kind.NOT_FOUND);
    }
}
