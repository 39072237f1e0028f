package io.tocsin.pipeline;

import static io.tocsin.pipeline.testing.TestAlerts.alert;
import static io.tocsin.pipeline.testing.TestAlerts.message;
import static io.tocsin.pipeline.testing.TestAlerts.ref;
import static io.tocsin.pipeline.testing.TestAlerts.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.cap.Alert;
import io.tocsin.connector.ChannelKind;
import io.tocsin.journal.ChronicleJournal;
import io.tocsin.journal.JournalConfig;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.LedgerReplay;
import io.tocsin.ledger.LedgerSnapshot;
import io.tocsin.pipeline.testing.EngineFixture;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.pipeline.testing.ManualClock;
import io.tocsin.pipeline.testing.RecordingConnector;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(90)
class ReplayTest {
    static final String EXPIRES = "2026-11-29T18:00:00+08:00";

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T02:00:00Z"));
    final FakeResolver resolver = new FakeResolver(13800000000L, 500, List.of("cmcc", "cucc"), List.of("zh-CN", "en"),
            Map.of("cmcc", List.of("c1")), List.of("tx-1"), List.of(), 100);

    private EngineFixture fixture() {
        return new EngineFixture(dir, resolver, clock)
                .connector("sms-cmcc", ChannelKind.SMS, "cmcc")
                .connector("sms-cucc", ChannelKind.SMS, "cucc")
                .connector("cbc-cmcc", ChannelKind.CELL_BROADCAST, "cmcc")
                .connector("radio", ChannelKind.RADIO, null);
    }

    @Test
    void aReplayedJournalGivesTheSameLedgerAsTheLiveEngine() {
        LedgerSnapshot live;
        try (EngineFixture f = fixture().create()) {
            f.get("sms-cucc").answer(RecordingConnector.Answer.ACCEPT).rejectIf(d -> d.target().address().endsWith("3"));
            f.start();
            String done = f.submit(submission(alert("DONE", "Extreme", "Immediate", EXPIRES))).alertId();
            await().until(() -> f.view(done).state() == AlertState.DONE);
            f.get("sms-cmcc").connected(false);
            Alert cancelled = alert("CANCELLED", "Severe", "Expected", EXPIRES);
            String c = f.submit(submission(cancelled)).alertId();
            await().until(() -> f.engine().metrics().connectors().get(0).queued() == 250);
            f.submit(submission(message("CANCEL", "2026-11-29T10:10:00+08:00", "Cancel", ref(cancelled),
                    "Severe", "Expected", EXPIRES)));
            Alert old = alert("OLD", "Moderate", "Expected", EXPIRES);
            String o = f.submit(submission(old)).alertId();
            await().until(() -> f.view(o).state() == AlertState.DISPATCHING
                    && f.engine().metrics().connectors().get(0).queued() == 250);
            String u = f.submit(submission(message("NEW", "2026-11-29T10:20:00+08:00", "Update", ref(old),
                    "Severe", "Immediate", EXPIRES))).alertId();
            String pending = f.submit(submission(alert("PENDING", "Minor", "Future", EXPIRES), "alice", true,
                    null)).alertId();
            String expiring = f.submit(submission(alert("EXP", "Minor", "Future", "2026-11-29T10:30:00+08:00")))
                    .alertId();
            await().until(() -> f.view(expiring).channels().containsKey("SMS"));
            clock.advance(Duration.ofMinutes(31));
            await().until(() -> f.view(expiring).state() == AlertState.EXPIRED);
            await().until(() -> f.engine().metrics().planningJobs() == 0);
            f.engine().close();
            live = f.engine().ledger().snapshot();
            assertThat(live.alerts()).extracting(v -> v.state()).contains(AlertState.DONE, AlertState.CANCELLED,
                    AlertState.SUPERSEDED, AlertState.PENDING_APPROVAL, AlertState.EXPIRED);
            assertThat(f.view(c).channels().get("SMS").cancelled()).isEqualTo(250);
            assertThat(f.view(u).state()).isIn(AlertState.DISPATCHING, AlertState.ACTIVE);
            assertThat(f.view(pending).state()).isEqualTo(AlertState.PENDING_APPROVAL);
        }
        LedgerSnapshot replayed;
        try (ChronicleJournal j = ChronicleJournal.open(dir.resolve("journal"), JournalConfig.defaults())) {
            replayed = LedgerReplay.replay(j, -1);
        }
        assertThat(replayed.journalRecords()).isEqualTo(live.journalRecords());
        assertThat(replayed.alerts()).isEqualTo(live.alerts());

        // a fresh engine on the same journal starts from the same ledger
        try (EngineFixture again = fixture().create()) {
            again.get("sms-cmcc").connected(false);
            again.get("sms-cucc").connected(false);
            again.start();
            LedgerSnapshot restarted = again.engine().ledger().snapshot();
            assertThat(restarted.alerts()).isEqualTo(live.alerts());
            assertThat(again.engine().recovery().records()).isEqualTo(live.journalRecords());
        }
    }
}
