package io.tocsin.pipeline;

import static io.tocsin.pipeline.testing.TestAlerts.alert;
import static io.tocsin.pipeline.testing.TestAlerts.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.connector.AwaitingReceipt;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.Target;
import io.tocsin.journal.ChronicleJournal;
import io.tocsin.journal.DispatchesPlanned;
import io.tocsin.journal.Journal;
import io.tocsin.journal.JournalConfig;
import io.tocsin.journal.JournalRecord;
import io.tocsin.journal.RecordHandler;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.Ledger;
import io.tocsin.ledger.LedgerReplay;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.pipeline.testing.ManualClock;
import io.tocsin.pipeline.testing.RecordingConnector;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up reads the journal once in full, holding the planned batches not finished (or, beyond a memory budget,
 * reading just those again): what it queues again and hands back as awaiting receipts must be exactly what a
 * second full pass over the journal finds.
 */
@Timeout(60)
class RecoveryTest {
    static final String EXPIRES = "2026-11-29T18:00:00+08:00";

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T02:00:00Z"));
    final FakeResolver resolver = new FakeResolver(13800000000L, 600, List.of("cmcc", "cucc", "ctcc"),
            List.of("zh-CN"), Map.of(), List.of(), List.of(), 50);

    @Test
    void requeuesAndAwaitsExactlyWhatAFullSecondPassFindsFromTheBatchesHeldSinceTheOnePass() {
        // letting go of finished batches after every batch: the delivered alert's go, the other's stay
        withRecovery(Recovery.keptTargetsBudget, 1, () -> restartMatchesAFullSecondPass(Reads.NONE));
    }

    @Test
    void withNoMemoryBudgetStartUpReadsAgainOnlyTheUnfinishedBatchesAndFindsTheSame() {
        withRecovery(0, PlannedBatches.PRUNE_EVERY, () -> restartMatchesAFullSecondPass(Reads.ALL_UNFINISHED));
    }

    @Test
    void batchesHeldAndBatchesReadAgainAreMergedInJournalOrder() {
        withRecovery(300, 50, () -> restartMatchesAFullSecondPass(Reads.SOME_UNFINISHED));
    }

    private enum Reads { NONE, ALL_UNFINISHED, SOME_UNFINISHED }

    private static void withRecovery(long budget, long pruneEvery, Runnable test) {
        long b = Recovery.keptTargetsBudget;
        long p = Recovery.pruneEvery;
        Recovery.keptTargetsBudget = budget;
        Recovery.pruneEvery = pruneEvery;
        try {
            test.run();
        } finally {
            Recovery.keptTargetsBudget = b;
            Recovery.pruneEvery = p;
        }
    }

    private void restartMatchesAFullSecondPass(Reads reads) {
        Map<String, ConnectorBinding> bindings = new LinkedHashMap<>();
        for (String c : List.of("cmcc", "cucc", "ctcc")) {
            bindings.put("sms-" + c, new ConnectorBinding(c, DispatchLimits.defaults()));
        }
        EngineConfig config = new EngineConfig(dir, JournalConfig.defaults(), 4096, 65536, DispatchLimits.defaults(),
                bindings, 50);

        // First life: one alert delivered to everyone (its batches finished), then one left half-way: cmcc
        // accepted everything without receipts, cucc holds 5 unanswered (SUBMITTED) and has the rest queued, ctcc
        // is down (all PLANNED).
        Engine first = new Engine(config, resolver, clock);
        List<RecordingConnector> a = connectors(first);
        first.start(new ArrayList<>(a));
        String done = first.intake().submit(submission(alert("DONE", "Extreme", "Immediate", EXPIRES))).join()
                .alertId();
        await().until(() -> first.ledger().alert(done).orElseThrow().state() == AlertState.DONE);
        a.get(0).answer(RecordingConnector.Answer.ACCEPT);
        a.get(1).answer(RecordingConnector.Answer.NONE).window(5);
        a.get(2).connected(false);
        String half = first.intake().submit(submission(alert("HALF", "Extreme", "Immediate", EXPIRES))).join()
                .alertId();
        await().until(() -> a.get(0).offerCount() == 400 && a.get(1).offerCount() == 205
                && first.metrics().planningJobs() == 0);
        await().untilAsserted(() -> assertThat(first.ledger().alert(half).orElseThrow().channels().get("SMS"))
                .extracting("accepted", "submitted").containsExactly(200L, 5L));
        first.close();

        // What a second full pass over the journal finds (the former start-up's way).
        TreeSet<Long> requeue = new TreeSet<>();
        TreeSet<Long> submitted = new TreeSet<>();
        TreeMap<Long, Target> accepted = new TreeMap<>();
        int batches;
        int unfinished = 0;
        try (ChronicleJournal j = ChronicleJournal.open(dir.resolve("journal"), JournalConfig.defaults())) {
            Ledger ledger = LedgerReplay.rebuild(j);
            List<DispatchesPlanned> planned = new ArrayList<>();
            j.replay((pos, r) -> {
                if (r instanceof DispatchesPlanned d) {
                    planned.add(d);
                }
            });
            batches = planned.size();
            for (DispatchesPlanned d : planned) {
                int before = requeue.size() + accepted.size();
                for (int i = 0; i < d.targets().size(); i++) {
                    long id = d.firstId() + i;
                    switch (ledger.stateOf(id)) {
                        case PLANNED -> requeue.add(id);
                        case SUBMITTED -> {
                            requeue.add(id);
                            submitted.add(id);
                        }
                        case ACCEPTED -> accepted.put(id, d.targets().get(i));
                        default -> { }
                    }
                }
                unfinished += requeue.size() + accepted.size() > before ? 1 : 0;
            }
        }
        assertThat(requeue).hasSize(400);
        assertThat(submitted).hasSize(5);
        assertThat(accepted).hasSize(200);

        // Second life, on the same journal.
        CountingJournal journal = new CountingJournal(ChronicleJournal.open(dir.resolve("journal"),
                JournalConfig.defaults()));
        Engine again = new Engine(config, resolver, clock, journal);
        List<RecordingConnector> b = connectors(again);
        b.forEach(c -> c.answer(RecordingConnector.Answer.NONE).window(10_000));
        try {
            again.start(new ArrayList<>(b));
            RecoveryReport report = again.recovery();
            assertThat(report.possibleDuplicates()).isEqualTo(5);
            assertThat(report.requeued() + report.possibleDuplicates()).isEqualTo(400);
            assertThat(report.awaitingReceipts()).isEqualTo(200);

            List<AwaitingReceipt> awaiting = b.get(0).awaiting();
            assertThat(awaiting).extracting(AwaitingReceipt::dispatchId)
                    .containsExactlyElementsOf(accepted.keySet()); // in acceptance order, here the id order
            assertThat(awaiting).allSatisfy(w -> {
                assertThat(w.target()).isEqualTo(accepted.get(w.dispatchId()));
                assertThat(w.peerRef()).isEqualTo("p" + w.dispatchId());
            });
            assertThat(b.get(1).awaiting()).isEmpty();

            await().until(() -> b.stream().mapToInt(RecordingConnector::offerCount).sum() == 400);
            TreeSet<Long> offered = new TreeSet<>();
            b.forEach(c -> c.offered().stream().map(Dispatch::id).forEach(offered::add));
            assertThat(offered).isEqualTo(requeue);
            assertThat(offered).doesNotContainAnyElementsOf(accepted.keySet());

            // Read again (beyond the budget): only the second alert's batches (the delivered alert's are
            // finished), each once; within it, nothing.
            assertThat(unfinished).isGreaterThan(1).isLessThan(batches);
            assertThat(journal.reread).doesNotHaveDuplicates().isSorted();
            switch (reads) {
                case NONE -> assertThat(journal.reread).isEmpty();
                case ALL_UNFINISHED -> assertThat(journal.reread).hasSize(unfinished);
                case SOME_UNFINISHED -> assertThat(journal.reread.size()).isBetween(1, unfinished - 1);
            }
            assertThat(journal.kinds).allMatch(DispatchesPlanned.class::equals);
        } finally {
            again.close();
        }
        assertThat(again.ledger().alert(done).orElseThrow().state()).isEqualTo(AlertState.DONE);
    }

    private List<RecordingConnector> connectors(Engine e) {
        List<RecordingConnector> out = new ArrayList<>();
        for (String c : List.of("cmcc", "cucc", "ctcc")) {
            out.add(new RecordingConnector("sms-" + c, ChannelKind.SMS, e.receipts(), clock));
        }
        return out;
    }

    /** The engine's journal, noting which positions start-up reads a second time. */
    private static final class CountingJournal implements Journal {
        final Journal inner;
        final List<Long> reread = new ArrayList<>();
        final List<Class<?>> kinds = new ArrayList<>();

        CountingJournal(Journal inner) {
            this.inner = inner;
        }

        @Override
        public long append(JournalRecord record) { return inner.append(record); }

        @Override
        public long replay(RecordHandler handler) { return inner.replay(handler); }

        @Override
        public JournalRecord read(long position) { return inner.read(position); }

        @Override
        public long read(long[] positions, RecordHandler handler) {
            return inner.read(positions, (pos, r) -> {
                reread.add(pos);
                kinds.add(r.getClass());
                handler.onRecord(pos, r);
            });
        }

        @Override
        public void flush() { inner.flush(); }

        @Override
        public long lastPosition() { return inner.lastPosition(); }

        @Override
        public long appended() { return inner.appended(); }

        @Override
        public void close() { inner.close(); }
    }
}
