package io.tocsin.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Alert;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.Target;
import io.tocsin.journal.AlertAccepted;
import io.tocsin.journal.ChronicleJournal;
import io.tocsin.journal.DispatchOutcome;
import io.tocsin.journal.DispatchRange;
import io.tocsin.journal.DispatchesPlanned;
import io.tocsin.journal.JournalConfig;
import io.tocsin.journal.JournalRecord;
import io.tocsin.journal.OperatorAction;
import io.tocsin.journal.PlanningProgress;
import io.tocsin.pipeline.Submission;
import io.tocsin.pipeline.testing.TestAlerts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A settled alert's CAP model leaves the heap, and every reader still gets what it got before: views with
 * counters and timeline, delivery views with the CAP (read back from the journal), the submission as received,
 * duplicate detection, Update/Cancel reference resolution, operator cancels and their withdrawals, and replay.
 * Each step runs on a compacting ledger (positions from a real Chronicle journal) and on a ledger that keeps
 * every model; both must answer the same.
 */
@Timeout(60)
class CompactedAlertsTest {
    static final long T0 = 1_800_000_000_000L;
    static final String EXPIRES = "2027-11-29T18:00:00+08:00";

    @TempDir
    Path dir;
    ChronicleJournal journal;
    Ledger compacting;
    final Ledger keeping = new Ledger();

    @BeforeEach
    void open() {
        journal = ChronicleJournal.open(dir.resolve("journal"), new JournalConfig(false));
        compacting = new Ledger(journal);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    private DispatchBatch record(JournalRecord r) {
        long position = journal.append(r);
        keeping.apply(r);
        return compacting.apply(r, position);
    }

    private void publish() {
        compacting.publish();
        keeping.publish();
    }

    private AlertAccepted accepted(String id, Alert alert) {
        return new AlertAccepted(T0, id, "gz-met", false, "application/cap+xml",
                ("<alert>" + alert.identifier() + "</alert>").getBytes(StandardCharsets.UTF_8), alert);
    }

    /** Accepts an alert, plans 3 SMS and 1 cell broadcast, hands everything over and delivers: DONE. */
    private long acceptAndDeliver(String id, Alert alert) {
        record(accepted(id, alert));
        long sms = compacting.nextDispatchId();
        record(new DispatchesPlanned(T0 + 1, id, null, DispatchAction.SEND, 0, null, sms, 3,
                List.of(Target.subscriber("13800000000", "cmcc", "zh-CN", "440106"),
                        Target.subscriber("13800000001", "cmcc", "zh-CN", "440106"),
                        Target.subscriber("13800000002", "cmcc", "zh-CN", "440104"))));
        long cb = compacting.nextDispatchId();
        record(new DispatchesPlanned(T0 + 1, id, "cmcc-cbc", DispatchAction.SEND, 0, null, cb, -1,
                List.of(new Target(ChannelKind.CELL_BROADCAST, "cmcc", "cmcc", "zh-CN", List.of("c1"), List.of()))));
        record(new PlanningProgress(T0 + 2, id, PlanningProgress.Stage.AREAS_PLANNED, 1, null));
        record(new PlanningProgress(T0 + 2, id, PlanningProgress.Stage.RECIPIENTS_PLANNED, 3, null));
        record(new DispatchRange(T0 + 3, sms, 4, DispatchState.SUBMITTED));
        record(new DispatchOutcome(T0 + 4, cb, DispatchState.ACCEPTED, "cbc-1", null));
        for (int i = 0; i < 3; i++) {
            record(new DispatchOutcome(T0 + 5, sms + i, i == 1 ? DispatchState.FAILED : DispatchState.DELIVERED,
                    "m" + i, i == 1 ? "absent subscriber" : null));
        }
        return cb;
    }

    private void assertSameToEveryReader() {
        publish();
        LedgerView c = compacting.view();
        LedgerView k = keeping.view();
        assertThat(c.snapshot()).isEqualTo(k.snapshot());
        for (AlertView v : k.alerts()) {
            assertThat(c.alert(v.id())).isEqualTo(k.alert(v.id()));
            assertThat(c.delivery(v.id())).isEqualTo(k.delivery(v.id()));
            Submission s = c.submission(v.id()).orElseThrow();
            assertThat(s.alert()).isEqualTo(keeping.entry(v.id()).alert());
            assertThat(new String(s.raw(), StandardCharsets.UTF_8)).isEqualTo("<alert>" + v.identifier() + "</alert>");
            assertThat(s.contentType()).isEqualTo("application/cap+xml");
            assertThat(s.publisher()).isEqualTo("gz-met");
        }
    }

    @Test
    void aDeliveredAlertDropsItsCapButEveryReaderSeesTheSame() {
        Alert a1 = TestAlerts.alert("A1", "Extreme", "Immediate", EXPIRES);
        acceptAndDeliver("tx-000001", a1);
        publish();

        AlertEntry e = compacting.entry("tx-000001");
        assertThat(e.state()).isEqualTo(AlertState.DONE);
        assertThat(e.holdsCap()).isFalse();
        assertThat(compacting.compacted()).isEqualTo(1);
        assertThat(keeping.entry("tx-000001").holdsCap()).isTrue();
        assertThat(e.alert()).isEqualTo(a1); // reloaded from the journal on demand
        assertThat(e.holdsCap()).as("a settled alert's reload is not kept").isFalse();
        assertThat(compacting.idFor(a1)).as("duplicate detection").isEqualTo("tx-000001");
        assertThat(compacting.view().alert("tx-000001").orElseThrow().channels().get("SMS").delivered()).isEqualTo(2);
        assertSameToEveryReader();
        assertThat(c(compacting).delivery("tx-000001").orElseThrow().alert()).isEqualTo(a1);
    }

    @Test
    void anUpdateOfACompactedAlertSupersedesIt() {
        Alert a1 = TestAlerts.alert("A1", "Extreme", "Immediate", EXPIRES);
        acceptAndDeliver("tx-000001", a1);
        publish();
        Alert u1 = TestAlerts.message("U1", "2026-11-29T10:05:00+08:00", "Update", TestAlerts.ref(a1), "Extreme",
                "Immediate", EXPIRES);

        ReferenceDecision decision = compacting.decide(u1);
        assertThat(decision).isEqualTo(keeping.decide(u1));
        assertThat(decision.kind()).isEqualTo(ReferenceDecision.Kind.SUPERSEDE);
        assertThat(decision.targets()).containsExactly("tx-000001");
        record(accepted("tx-000002", u1));

        assertThat(compacting.entry("tx-000001").state()).isEqualTo(AlertState.SUPERSEDED);
        assertThat(compacting.entry("tx-000002").sequence()).isEqualTo(1);
        assertThat(compacting.entry("tx-000002").holdsCap()).as("the update is live").isTrue();
        assertSameToEveryReader();
    }

    @Test
    void aCapCancelOfACompactedAlertWithdrawsWithTheCancelsContentEvenAfterBothSettle() {
        Alert a1 = TestAlerts.alert("A1", "Extreme", "Immediate", EXPIRES);
        long cb = acceptAndDeliver("tx-000001", a1);
        publish();
        Alert c1 = TestAlerts.message("C1", "2026-11-29T10:05:00+08:00", "Cancel", TestAlerts.ref(a1), "Extreme",
                "Immediate", EXPIRES);
        assertThat(compacting.decide(c1).kind()).isEqualTo(ReferenceDecision.Kind.CANCEL);
        record(accepted("tx-000002", c1));
        DispatchBatch withdrawal = record(new DispatchesPlanned(T0 + 10, "tx-000001", "cmcc-cbc",
                DispatchAction.CANCEL, 0, "tx-000001", compacting.nextDispatchId(), -1,
                List.of(compacting.batchOf(cb).targets().get(0))));
        assertThat(withdrawal.content()).isEqualTo(c1);
        publish();
        assertThat(compacting.entry("tx-000001").holdsCap()).as("withdrawal still queued").isTrue();

        record(new DispatchRange(T0 + 11, withdrawal.firstId(), 1, DispatchState.SUBMITTED));
        record(new DispatchOutcome(T0 + 12, withdrawal.firstId(), DispatchState.ACCEPTED, "cbc-del", null));
        publish();
        assertThat(compacting.entry("tx-000001").holdsCap()).isFalse();
        assertThat(compacting.entry("tx-000002").holdsCap()).isFalse();
        assertThat(withdrawal.content()).as("rebuilt from the journal").isEqualTo(c1);
        assertThat(compacting.entry("tx-000001").state()).isEqualTo(AlertState.CANCELLED);
        assertSameToEveryReader();
    }

    @Test
    void anOperatorCancelOfACompactedAlertCarriesTheSameCancelMessage() {
        Alert a1 = TestAlerts.alert("A1", "Extreme", "Immediate", EXPIRES);
        long cb = acceptAndDeliver("tx-000001", a1);
        publish();
        assertThat(compacting.refusal(OperatorAction.Kind.CANCEL, "tx-000001", "duty")).isNull();
        record(new OperatorAction(T0 + 20, OperatorAction.Kind.CANCEL, "tx-000001", "duty", "wrong district"));
        Target cell = compacting.batchOf(cb).targets().get(0);
        long id = compacting.nextDispatchId();
        DispatchBatch live = record(new DispatchesPlanned(T0 + 21, "tx-000001", "cmcc-cbc", DispatchAction.CANCEL, 0,
                "tx-000001", id, -1, List.of(cell)));
        Alert expected = keeping.batchOf(id).content();
        assertThat(expected.msgType()).isEqualTo("Cancel");
        assertThat(live.content()).isEqualTo(expected);
        record(new DispatchRange(T0 + 22, id, 1, DispatchState.SUBMITTED));
        record(new DispatchOutcome(T0 + 23, id, DispatchState.ACCEPTED, "cbc-del", null));
        publish();
        assertThat(compacting.entry("tx-000001").holdsCap()).isFalse();
        assertThat(live.content()).as("rebuilt after the drop").isEqualTo(expected);
        assertSameToEveryReader();
    }

    @Test
    void replayingTheJournalGivesTheLedgerThatWasLive() {
        acceptAndDeliver("tx-000001", TestAlerts.alert("A1", "Extreme", "Immediate", EXPIRES));
        acceptAndDeliver("tx-000002", TestAlerts.alert("A2", "Minor", "Future", EXPIRES));
        record(new OperatorAction(T0 + 20, OperatorAction.Kind.CANCEL, "tx-000002", "duty", null));
        publish();

        LedgerSnapshot replayed = LedgerReplay.replay(journal, -1);
        assertThat(replayed).isEqualTo(compacting.view().snapshot());
        Ledger rebuilt = LedgerReplay.rebuild(journal);
        assertThat(rebuilt.entry("tx-000001").holdsCap()).isFalse();
        assertThat(rebuilt.view().delivery("tx-000002")).isEqualTo(keeping.view().delivery("tx-000002"));
        assertSameToEveryReader();
    }

    private static LedgerView c(Ledger l) {
        return l.view();
    }
}
