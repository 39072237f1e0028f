package io.tocsin.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.Target;
import io.tocsin.ledger.AlertState;
import io.tocsin.pipeline.testing.TestAlerts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class ChronicleJournalTest {

    @TempDir
    Path dir;

    @Test
    void everyRecordKindReadsBackEqualAfterReopening() {
        List<JournalRecord> written = List.of(
                new AlertAccepted(1, "tx-000001", "gz-met", true, "application/cap+xml", new byte[] {1, 2, 3},
                        TestAlerts.alert("A1", "Extreme", "Immediate", "2026-11-29T12:00:00+08:00")),
                new OperatorAction(2, OperatorAction.Kind.APPROVE, "tx-000001", "duty-officer", null),
                new DispatchesPlanned(3, "tx-000001", null, DispatchAction.SEND, 0, null, 1, 2,
                        List.of(Target.subscriber("13800000000", "cmcc", "zh-CN", "440106"),
                                Target.subscriber("13800000001", "cmcc", "en-US"),
                                Target.subscriber("13800000002", "cmcc", "zh-CN", "440104"),
                                Target.subscriber("13800000003", "cmcc", "zh-CN", "440106"),
                                Target.subscriber("13800000004", "cucc", "zh-CN", "440106"),
                                Target.subscriber("13800000005", "cmcc", null, null),
                                new Target(ChannelKind.SMS, "广州-13800000006", null, "yue-HK", List.of(), List.of(), null),
                                Target.subscriber("13800000007", "cmcc", "zh-CN", "440104"))),
                new DispatchesPlanned(4, "tx-000001", "cmcc-cbc", DispatchAction.CANCEL, 1, "tx-000001", 3, -1,
                        List.of(new Target(ChannelKind.CELL_BROADCAST, "cmcc", "cmcc", "zh-CN",
                                List.of("c1", "c2"), List.of("g")))),
                new DispatchRange(5, 1, 2, DispatchState.SUBMITTED),
                new DispatchOutcome(6, 1, DispatchState.ACCEPTED, "msg-1", null),
                new DispatchOutcome(7, 2, DispatchState.FAILED, null, "throttled"),
                new AlertClosed(8, "tx-000001", AlertState.EXPIRED, "expired"),
                new PlanningProgress(9, "tx-000001", PlanningProgress.Stage.AREAS_PLANNED, 3, "3 cells"));
        try (ChronicleJournal j = ChronicleJournal.open(dir, JournalConfig.defaults())) {
            written.forEach(j::append);
            assertThat(j.appended()).isEqualTo(written.size());
        }
        List<JournalRecord> read = new ArrayList<>();
        try (ChronicleJournal j = ChronicleJournal.open(dir, new JournalConfig(true))) {
            assertThat(j.replay((pos, r) -> read.add(r))).isEqualTo(written.size());
        }
        assertThat(read).hasSize(written.size());
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i) instanceof AlertAccepted a) {
                AlertAccepted b = (AlertAccepted) read.get(i);
                assertThat(b.alert()).isEqualTo(a.alert());
                assertThat(b.raw()).containsExactly(a.raw());
                assertThat(b.alertId()).isEqualTo(a.alertId());
                assertThat(b.needsApproval()).isTrue();
            } else {
                assertThat(read.get(i)).isEqualTo(written.get(i));
            }
        }
    }

    @Test
    void readsOnlyTheRecordsAtTheGivenPositionsWithOrWithoutSeeking() {
        try (ChronicleJournal j = ChronicleJournal.open(dir, JournalConfig.defaults())) {
            List<Long> positions = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                positions.add(j.append(new DispatchRange(i, i, 1, DispatchState.SUBMITTED)));
            }
            // gaps (seeks), a consecutive run (read on), the first and the last record
            long[] wanted = {positions.get(0), positions.get(7), positions.get(8), positions.get(9),
                    positions.get(30), positions.get(49)};
            List<Long> ats = new ArrayList<>();
            List<Long> at = new ArrayList<>();
            assertThat(j.read(wanted, (pos, r) -> {
                ats.add(r.at());
                at.add(pos);
            })).isEqualTo(6);
            assertThat(ats).containsExactly(0L, 7L, 8L, 9L, 30L, 49L);
            assertThat(at).containsExactly(wanted[0], wanted[1], wanted[2], wanted[3], wanted[4], wanted[5]);

            // the interface's default (one full pass, keeping the wanted ones) reads the same
            Journal plain = new Journal() {
                public long append(JournalRecord record) { throw new UnsupportedOperationException(); }
                public long replay(RecordHandler handler) { return j.replay(handler); }
                public void flush() { }
                public long lastPosition() { return j.lastPosition(); }
                public long appended() { return 0; }
                public void close() { }
            };
            List<Long> viaDefault = new ArrayList<>();
            assertThat(plain.read(wanted, (pos, r) -> viaDefault.add(r.at()))).isEqualTo(6);
            assertThat(viaDefault).isEqualTo(ats);
            assertThat(j.read(new long[0], (pos, r) -> viaDefault.add(-1L))).isZero();
        }
    }

    @Test
    void appendsAfterReopenFollowEarlierRecords() {
        try (ChronicleJournal j = ChronicleJournal.open(dir, JournalConfig.defaults())) {
            j.append(new DispatchRange(1, 1, 1, DispatchState.SUBMITTED));
        }
        try (ChronicleJournal j = ChronicleJournal.open(dir, JournalConfig.defaults())) {
            j.append(new DispatchRange(2, 2, 1, DispatchState.SUBMITTED));
            List<Long> ats = new ArrayList<>();
            j.replay((pos, r) -> ats.add(r.at()));
            assertThat(ats).containsExactly(1L, 2L);
        }
    }

    @Test
    void aSecondThreadCanTakeOverAppending() throws Exception {
        try (ChronicleJournal j = ChronicleJournal.open(dir, JournalConfig.defaults())) {
            j.append(new DispatchRange(1, 1, 1, DispatchState.SUBMITTED)); // e.g. recovery on the starting thread
            Thread t = new Thread(() -> j.append(new DispatchRange(2, 2, 1, DispatchState.SUBMITTED)));
            Throwable[] failure = new Throwable[1];
            t.setUncaughtExceptionHandler((th, e) -> failure[0] = e);
            t.start();
            t.join();
            assertThat(failure[0]).isNull();
            List<Long> ats = new ArrayList<>();
            j.replay((pos, r) -> ats.add(r.at()));
            assertThat(ats).containsExactly(1L, 2L);
        }
    }
}
