package io.tocsin.pipeline;

import static io.tocsin.pipeline.testing.TestAlerts.alert;
import static io.tocsin.pipeline.testing.TestAlerts.message;
import static io.tocsin.pipeline.testing.TestAlerts.ref;
import static io.tocsin.pipeline.testing.TestAlerts.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.cap.Alert;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchAction;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.pipeline.testing.EngineFixture;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.pipeline.testing.ManualClock;
import io.tocsin.pipeline.testing.RecordingConnector;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class DispatchFlowTest {
    static final String EXPIRES = "2026-11-29T18:00:00+08:00";

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T02:00:00Z"));
    final FakeResolver city = new FakeResolver(13800000000L, 3000, List.of("cmcc", "cucc"),
            List.of("zh-CN", "en", "yue"), Map.of("cmcc", List.of("c1", "c2"), "cucc", List.of("u1")),
            List.of("tx-1", "tx-2"), List.of("tv-1"), 500);
    EngineFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    private EngineFixture everyChannel(FakeResolver resolver) {
        return new EngineFixture(dir, resolver, clock)
                .connector("sms-cmcc", ChannelKind.SMS, "cmcc")
                .connector("sms-cucc", ChannelKind.SMS, "cucc")
                .connector("cbc-cmcc", ChannelKind.CELL_BROADCAST, "cmcc")
                .connector("cbc-cucc", ChannelKind.CELL_BROADCAST, "cucc")
                .connector("radio", ChannelKind.RADIO, null)
                .connector("tv", ChannelKind.TV, null);
    }

    @Test
    void anAlertReachesEveryChannelOncePerTargetInTheRightLanguage() {
        f = everyChannel(city);
        f.start();
        String id = f.submit(submission(alert("A1", "Extreme", "Immediate", EXPIRES))).alertId();
        await().atMost(Duration.ofSeconds(20)).until(() -> f.view(id).state() == AlertState.DONE
                && f.view(id).channels().get("SMS").delivered() == 3000);
        List<Dispatch> cmcc = f.get("sms-cmcc").offered();
        List<Dispatch> cucc = f.get("sms-cucc").offered();
        assertThat(cmcc).hasSize(1500).allSatisfy(d -> assertThat(d.target().carrier()).isEqualTo("cmcc"));
        assertThat(cucc).hasSize(1500).allSatisfy(d -> assertThat(d.target().carrier()).isEqualTo("cucc"));
        List<String> addresses = new java.util.ArrayList<>();
        cmcc.forEach(d -> addresses.add(d.target().address()));
        cucc.forEach(d -> addresses.add(d.target().address()));
        assertThat(addresses).doesNotHaveDuplicates().hasSize(3000);
        // zh-CN and yue (no Cantonese block) get Chinese, "en" gets en-US
        Map<String, Long> languages = cmcc.stream().collect(Collectors.groupingBy(d -> d.target().language(),
                Collectors.counting()));
        assertThat(languages.keySet()).containsExactlyInAnyOrder("zh-CN", "en-US");
        assertThat(f.get("cbc-cmcc").offered()).singleElement()
                .satisfies(d -> assertThat(d.target().cells()).containsExactly("c1", "c2"));
        assertThat(f.get("cbc-cucc").offered()).singleElement()
                .satisfies(d -> assertThat(d.target().cells()).containsExactly("u1"));
        assertThat(f.get("radio").offered()).extracting(d -> d.target().address()).containsExactly("tx-1", "tx-2");
        assertThat(f.get("tv").offered()).extracting(d -> d.target().address()).containsExactly("tv-1");
        AlertView v = f.view(id);
        assertThat(v.channels().get("SMS")).isEqualTo(new ChannelCounters(3000, 0, 0, 3000, 0, 0, 0, 0));
        assertThat(v.channels().get("CELL_BROADCAST").delivered()).isEqualTo(2);
        assertThat(f.engine().metrics().illegalTransitions()).isZero();
    }

    @Test
    void aRedWarningOvertakesAQueuedBlueAdvisoryOnEveryChannel() {
        f = everyChannel(FakeResolver.recipients(200)).create();
        f.get("sms-cmcc").connected(false);
        f.start();
        String blue = f.submit(submission(alert("BLUE", "Minor", "Future", EXPIRES))).alertId();
        await().until(() -> f.engine().metrics().queued() == 200);
        String red = f.submit(submission(alert("RED", "Extreme", "Immediate", EXPIRES))).alertId();
        await().until(() -> f.engine().metrics().queued() == 400);
        f.get("sms-cmcc").connected(true);
        clock.advance(Duration.ofSeconds(2)); // past the NOT_CONNECTED back-off (on the engine's clock)
        await().atMost(Duration.ofSeconds(20)).until(() -> f.get("sms-cmcc").offerCount() == 400);
        List<Dispatch> offered = f.get("sms-cmcc").offered();
        assertThat(offered.subList(0, 200)).allSatisfy(d -> assertThat(d.alertId()).isEqualTo(red));
        assertThat(offered.subList(200, 400)).allSatisfy(d -> assertThat(d.alertId()).isEqualTo(blue));
    }

    @Test
    void cancelPurgesQueuedDispatchesAndWithdrawsTheCellBroadcastFirst() {
        f = everyChannel(city).create();
        f.get("sms-cmcc").connected(false);
        f.get("sms-cucc").connected(false);
        f.start();
        Alert a = alert("A1", "Severe", "Expected", EXPIRES);
        String id = f.submit(submission(a)).alertId();
        await().until(() -> f.view(id).channels().containsKey("CELL_BROADCAST")
                && f.view(id).channels().get("CELL_BROADCAST").delivered() == 2
                && f.engine().metrics().queued() == 3000);
        Alert cancel = message("A1-C", "2026-11-29T10:30:00+08:00", "Cancel", ref(a), "Severe", "Expected", EXPIRES);
        IntakeOutcome out = f.submit(submission(cancel));
        assertThat(out.kind()).isEqualTo(IntakeOutcome.Kind.ACCEPTED);
        // the purge happened before the cancel was acknowledged; only the withdrawals wait (5: 2 CB, 2 radio, 1 TV)
        assertThat(f.engine().metrics().connectors()).filteredOn(c -> c.kind().equals("SMS"))
                .allSatisfy(c -> assertThat(c.queued()).isZero());
        assertThat(f.engine().metrics().lastPurge().dispatches()).isPositive();
        f.get("sms-cmcc").connected(true);
        f.get("sms-cucc").connected(true);
        await().until(() -> f.get("cbc-cmcc").offerCount() == 2 && f.get("cbc-cucc").offerCount() == 2
                && f.get("radio").offerCount() == 4 && f.get("tv").offerCount() == 2);
        Dispatch kill = f.get("cbc-cmcc").offered().get(1);
        assertThat(kill.action()).isEqualTo(DispatchAction.CANCEL);
        assertThat(kill.replaces()).isEqualTo(id);
        assertThat(kill.alert().msgType()).isEqualTo("Cancel");
        assertThat(kill.target().cells()).containsExactly("c1", "c2");
        assertThat(f.get("sms-cmcc").offerCount()).isZero();
        AlertView v = f.view(id);
        assertThat(v.state()).isEqualTo(AlertState.CANCELLED);
        assertThat(v.channels().get("SMS").cancelled()).isEqualTo(3000);
        await().until(() -> f.view(id).channels().get("CELL_BROADCAST/cancel").delivered() == 2);
    }

    @Test
    void anUpdateSupersedesPendingDispatchesWithTheNextUpdateNumber() {
        f = everyChannel(city).create();
        f.get("sms-cmcc").connected(false);
        f.get("sms-cucc").connected(false);
        f.get("cbc-cmcc").connected(false);
        f.start();
        Alert a = alert("A1", "Severe", "Expected", EXPIRES);
        String first = f.submit(submission(a)).alertId();
        await().until(() -> f.engine().metrics().queued() == 3001);
        Alert update = message("A1-U", "2026-11-29T10:30:00+08:00", "Update", ref(a), "Extreme", "Immediate", EXPIRES);
        IntakeOutcome out = f.submit(submission(update));
        f.get("sms-cmcc").connected(true);
        f.get("sms-cucc").connected(true);
        f.get("cbc-cmcc").connected(true);
        clock.advance(Duration.ofSeconds(2));
        await().until(() -> f.view(out.alertId()).state() == AlertState.DONE);
        assertThat(f.view(first).state()).isEqualTo(AlertState.SUPERSEDED);
        assertThat(f.view(first).channels().get("SMS").cancelled()).isEqualTo(3000);
        assertThat(f.get("sms-cmcc").offered()).hasSize(1500)
                .allSatisfy(d -> assertThat(d.alertId()).isEqualTo(out.alertId()));
        Dispatch cb = f.get("cbc-cmcc").offered().get(0);
        assertThat(cb.action()).isEqualTo(DispatchAction.UPDATE);
        assertThat(cb.sequence()).isEqualTo(1);
        assertThat(cb.replaces()).isEqualTo(first);
    }

    @Test
    void ambiguousAndUnknownReferencesAreResolvedExplicitly() {
        f = everyChannel(FakeResolver.recipients(0));
        f.start();
        Alert a = alert("A1", "Severe", "Expected", EXPIRES);
        Alert b = alert("B1", "Severe", "Expected", EXPIRES);
        f.submit(submission(a));
        f.submit(submission(b));
        IntakeOutcome ambiguous = f.submit(submission(message("U1", "2026-11-29T10:30:00+08:00", "Update",
                ref(a) + " " + ref(b), "Severe", "Expected", EXPIRES)));
        assertThat(ambiguous.kind()).isEqualTo(IntakeOutcome.Kind.REJECTED);
        assertThat(ambiguous.reason()).contains("ambiguous");
        IntakeOutcome unknownCancel = f.submit(submission(message("C0", "2026-11-29T10:30:00+08:00", "Cancel",
                "x,y,2026-11-29T09:00:00+08:00", "Severe", "Expected", EXPIRES)));
        assertThat(unknownCancel.kind()).isEqualTo(IntakeOutcome.Kind.REJECTED);
        assertThat(unknownCancel.reason()).contains("unknown");
        IntakeOutcome cancelBoth = f.submit(submission(message("C1", "2026-11-29T10:31:00+08:00", "Cancel",
                ref(a) + " " + ref(b), "Severe", "Expected", EXPIRES)));
        assertThat(cancelBoth.kind()).isEqualTo(IntakeOutcome.Kind.ACCEPTED);
        IntakeOutcome again = f.submit(submission(message("C2", "2026-11-29T10:32:00+08:00", "Cancel",
                ref(a), "Severe", "Expected", EXPIRES)));
        assertThat(again.kind()).isEqualTo(IntakeOutcome.Kind.REJECTED);
        assertThat(again.reason()).contains("already CANCELLED");
        IntakeOutcome orphanUpdate = f.submit(submission(message("U2", "2026-11-29T10:33:00+08:00", "Update",
                "x,y,2026-11-29T09:00:00+08:00", "Severe", "Expected", EXPIRES)));
        assertThat(orphanUpdate.kind()).isEqualTo(IntakeOutcome.Kind.ACCEPTED);
        assertThat(f.view(orphanUpdate.alertId()).timeline())
                .anySatisfy(t -> assertThat(t.detail()).contains("treated as a new alert"));
    }

    @Test
    void nothingLeavesAfterExpiryAndQueuedDispatchesCountAsExpired() {
        f = everyChannel(city).create();
        f.get("sms-cmcc").connected(false);
        f.get("sms-cucc").connected(false);
        f.start();
        String id = f.submit(submission(alert("A1", "Severe", "Expected", "2026-11-29T10:05:00+08:00"))).alertId();
        await().until(() -> f.engine().metrics().queued() == 3000);
        clock.advance(Duration.ofMinutes(6));
        await().until(() -> f.view(id).state() == AlertState.EXPIRED);
        f.get("sms-cmcc").connected(true);
        f.get("sms-cucc").connected(true);
        assertThat(f.engine().metrics().queued()).isZero();
        assertThat(f.view(id).channels().get("SMS").expired()).isEqualTo(3000);
        assertThat(f.get("sms-cmcc").offerCount()).isZero();
    }

    @Test
    void rateAndWindowLimitWhatIsOfferedAndRejectionsFail() {
        f = new EngineFixture(dir, FakeResolver.recipients(100), clock)
                .connector("sms", ChannelKind.SMS, null, new DispatchLimits(10, 5, 3, 1000)).create();
        RecordingConnector sms = f.get("sms").answer(RecordingConnector.Answer.NONE)
                .rejectIf(d -> d.target().address().endsWith("7"));
        f.start();
        String id = f.submit(submission(alert("A1", "Severe", "Expected", EXPIRES))).alertId();
        await().until(() -> sms.offerCount() == 3);
        assertThat(f.engine().metrics().inFlight()).isEqualTo(3);
        sms.answerPending(io.tocsin.connector.DispatchState.ACCEPTED);
        // the bucket had 5 tokens: two more may go now, then nothing until the clock moves
        await().until(() -> sms.offerCount() + f.view(id).channels().get("SMS").failed() >= 5);
        long before = sms.offerCount();
        sms.answerPending(io.tocsin.connector.DispatchState.ACCEPTED);
        assertThat(sms.offerCount()).isEqualTo(before);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            clock.advance(Duration.ofSeconds(1));
            sms.answerPending(io.tocsin.connector.DispatchState.ACCEPTED);
            return f.view(id).state() == AlertState.DONE;
        });
        assertThat(f.view(id).channels().get("SMS").failed()).isEqualTo(10);
        assertThat(f.view(id).channels().get("SMS").accepted()).isEqualTo(90);
        assertThat(f.engine().metrics().illegalTransitions()).isPositive(); // repeated answers are refused, counted
    }
}
