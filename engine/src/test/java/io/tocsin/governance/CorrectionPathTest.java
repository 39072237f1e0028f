package io.tocsin.governance;

import static io.tocsin.governance.SizedAreas.alert;
import static io.tocsin.governance.SizedAreas.ref;
import static io.tocsin.pipeline.testing.TestAlerts.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.cap.Alert;
import io.tocsin.connector.ChannelKind;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.CorrectionTiming;
import io.tocsin.ledger.DeliveryView;
import io.tocsin.pipeline.DispatchLimits;
import io.tocsin.pipeline.Governance;
import io.tocsin.pipeline.testing.EngineFixture;
import io.tocsin.pipeline.testing.ManualClock;
import io.tocsin.report.AfterActionReport;
import io.tocsin.security.Identities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-approved correction path: an Update (or Cancel) of a released alert from its own publisher or a
 * configured corrector needs no approval and overtakes every queue; its time-to-correct is measured, journaled
 * (timeline + audit chain) and reported.
 */
@Timeout(90)
class CorrectionPathTest {
    static final int FAN_OUT = 60_000;
    static final int SMALL = 200;

    @TempDir
    Path dir;
    EngineFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private EngineFixture engine(Clock clock, DispatchLimits sms) {
        f = new EngineFixture(dir, new SizedAreas(), clock)
                .connector("sms", ChannelKind.SMS, "cmcc", sms)
                .config(c -> c.withGovernance(new Governance(null, Identities.NAMES, Set.of("gz-city"))));
        f.start();
        return f;
    }

    @Test
    void aCorrectingUpdateOvertakesALargeQueuedFanOutAndItsTimeToCorrectIsMeasured() throws Exception {
        // 10 000 SMS/s: the fan-out needs ~6 s to drain, the correction's 200 must not wait for it
        engine(Clock.systemUTC(), new DispatchLimits(10_000, 200, 256, 200_000));
        ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
        f.get("sms").onOffer(d -> order.add(d.alertId()));

        Alert original = alert("O1", "Actual", "Alert", null, "Minor", "Future", SMALL);
        String o = f.submit(submission(original, "gz-met", false, null)).alertId();
        await().atMost(Duration.ofSeconds(20)).until(() -> f.view(o).channels().containsKey("SMS")
                && f.view(o).channels().get("SMS").delivered() == SMALL);

        String big = f.submit(submission(alert("BIG", "Actual", "Alert", null, "Extreme", "Immediate", FAN_OUT),
                "gz-met", false, null)).alertId();
        await().atMost(Duration.ofSeconds(20)).until(() -> f.view(big).channels().containsKey("SMS")
                && f.view(big).channels().get("SMS").planned() == FAN_OUT
                && f.view(big).channels().get("SMS").delivered() > 1000);

        Alert update = alert("O1-fix", "Actual", "Update", ref(original), "Minor", "Future", SMALL);
        var accepted = f.submit(submission(update, "gz-met", true, null)); // policy would hold it: the path does not
        String c = accepted.alertId();
        assertThat(accepted.state()).isIn("ACTIVE", "DISPATCHING");
        await().atMost(Duration.ofSeconds(20)).until(() -> f.view(c).channels().containsKey("SMS")
                && f.view(c).channels().get("SMS").delivered() == SMALL);
        long bigDeliveredWhenCorrected = f.view(big).channels().get("SMS").delivered();

        List<String> offers = new ArrayList<>(order);
        int lastCorrection = offers.lastIndexOf(c);
        int firstCorrection = offers.indexOf(c);
        long bigQueuedBehind = FAN_OUT - offers.subList(0, lastCorrection).stream().filter(big::equals).count();
        long bigDuringCorrection = offers.subList(firstCorrection, lastCorrection).stream().filter(big::equals).count();
        assertThat(bigDeliveredWhenCorrected).isLessThan(FAN_OUT - 5_000);
        assertThat(bigQueuedBehind).as("fan-out dispatches the correction overtook").isGreaterThan(5_000);
        assertThat(bigDuringCorrection).as("fan-out dispatches sent among the correction's").isZero();

        await().atMost(Duration.ofSeconds(5)).until(() -> delivery(o).corrected() != null
                && delivery(o).corrected().correctionFirstDispatch() != null);
        CorrectionTiming t = delivery(o).corrected();
        assertThat(t.correctedBy()).isEqualTo(c);
        assertThat(t.millisFromCorrectionToFirstDispatch()).isNotNull().isLessThan(2_000L);
        assertThat(t.millisFromOriginalToCorrectionDispatch()).isNotNull().isPositive();
        assertThat(t.millisFromCorrectionToPurge()).isZero();
        assertThat(f.view(c).timeline()).anySatisfy(e -> assertThat(e.event()).isEqualTo("pre-approved correction"));
        assertThat(f.view(o).timeline()).anySatisfy(e -> assertThat(e.event()).isEqualTo("time to correct"));
        System.out.printf("time-to-correct: correction 202 -> first dispatch %d ms; original first dispatch -> "
                        + "correction first dispatch %d ms; %d fan-out dispatches still queued behind it (of %d)%n",
                t.millisFromCorrectionToFirstDispatch(), t.millisFromOriginalToCorrectionDispatch(),
                bigQueuedBehind, FAN_OUT);

        Map<String, Object> report = new AfterActionReport(f.engine().ledger(), null).build(c).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> corrections = (Map<String, Object>) report.get("corrections");
        @SuppressWarnings("unchecked")
        Map<String, Object> timing = (Map<String, Object>) corrections.get("timeToCorrect");
        assertThat(timing).containsEntry("correctedBy", c)
                .containsEntry("msCorrectionAcceptedToFirstDispatch", t.millisFromCorrectionToFirstDispatch());
        f.close();
        f = null;
        assertThat(Files.readAllLines(dir.resolve("audit").resolve("audit.log")))
                .anySatisfy(l -> assertThat(l).contains("\"type\":\"time-to-correct\"").contains(o)
                        .contains("corrected by " + c))
                .anySatisfy(l -> assertThat(l).contains("(pre-approved correction)").contains(c));
    }

    @Test
    void aCorrectionIsPlannedPastFullQueuesButOnlyUpToOneMoreBound() throws Exception {
        int bound = 2_000;
        engine(Clock.systemUTC(), new DispatchLimits(50, 50, 16, bound)); // slow: the queues stay full
        Alert original = alert("O2", "Actual", "Alert", null, "Minor", "Future", SMALL);
        String o = f.submit(submission(original, "gz-met", false, null)).alertId();
        String big = f.submit(submission(alert("BIG2", "Actual", "Alert", null, "Extreme", "Immediate", 20_000),
                "gz-met", false, null)).alertId();
        await().atMost(Duration.ofSeconds(20)).until(() -> planned(big) >= bound);

        String c = f.submit(submission(alert("O2-fix", "Actual", "Update", ref(original), "Minor", "Future", 20_000),
                "gz-met", false, null)).alertId();
        await("planned although the queue is full").atMost(Duration.ofSeconds(20))
                .until(() -> planned(c) >= bound / 2);
        await("but not all 20,000 at once").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> queued(c) + queued(big) <= 2L * bound + 1_000);
        assertThat(planned(c)).isLessThan(20_000);
        assertThat(f.view(o).state()).isNotNull();
    }

    private long planned(String id) {
        var ch = f.view(id).channels().get("SMS");
        return ch == null ? 0 : ch.planned();
    }

    private long queued(String id) {
        var ch = f.view(id).channels().get("SMS");
        return ch == null ? 0 : ch.planned() - ch.submitted() - ch.accepted() - ch.delivered() - ch.failed()
                - ch.expired() - ch.cancelled() - ch.unknown();
    }

    @Test
    void aCorrectionOfAnAlertStillAwaitingApprovalOrFromAnotherPublisherGetsNoBypass() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-29T02:00:00Z"));
        engine(clock, DispatchLimits.defaults());
        Alert pending = alert("Q1", "Actual", "Alert", null, "Severe", "Expected", 10);
        String p = f.submit(submission(pending, "gz-met", true, null)).alertId();
        var fix = f.submit(submission(alert("Q1-fix", "Actual", "Update", ref(pending), "Severe", "Expected", 10),
                "gz-met", true, null));
        assertThat(fix.state()).isEqualTo("PENDING_APPROVAL");
        assertThat(f.view(p).state()).isEqualTo(AlertState.SUPERSEDED);

        Alert released = alert("Q2", "Actual", "Alert", null, "Minor", "Future", 10);
        String r = f.submit(submission(released, "gz-met", false, null)).alertId();
        var foreign = f.submit(submission(alert("Q2-fix", "Actual", "Update", ref(released), "Minor", "Future", 10),
                "gz-other", true, null));
        assertThat(foreign.state()).isEqualTo("PENDING_APPROVAL");
        assertThat(f.view(foreign.alertId()).timeline()).noneSatisfy(e ->
                assertThat(e.event()).isEqualTo("pre-approved correction"));

        // a configured corrector (gz-city) may correct another publisher's released alert
        Alert released2 = alert("Q3", "Actual", "Alert", null, "Minor", "Future", 10);
        f.submit(submission(released2, "gz-met", false, null));
        var city = f.submit(submission(alert("Q3-fix", "Actual", "Update", ref(released2), "Minor", "Future", 10),
                "gz-city", true, null));
        assertThat(city.state()).isIn("ACTIVE", "DISPATCHING");
        assertThat(r).isNotBlank();
    }

    @Test
    void anOperatorCancelIsACorrectionWhoseWithdrawalsAreTimed() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-29T02:00:00Z"));
        f = new EngineFixture(dir, new io.tocsin.pipeline.testing.FakeResolver(13800000000L, 20, List.of("cmcc"),
                List.of("zh-CN"), Map.of("cmcc", List.of("c1", "c2")), List.of(), List.of(), 20), clock)
                .connector("sms", ChannelKind.SMS, "cmcc")
                .connector("cbc", ChannelKind.CELL_BROADCAST, "cmcc");
        f.start();
        String o = f.submit(submission(io.tocsin.pipeline.testing.TestAlerts.alert("C1", "Severe", "Expected",
                "2026-11-29T18:00:00+08:00"), "gz-met", false, null)).alertId();
        await().atMost(Duration.ofSeconds(10)).until(() -> f.get("cbc").offered().size() == 1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(f.engine().intake().cancel(o, "duty-officer", "drill sent live").get().kind().name())
                .isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(10)).until(() -> f.get("cbc").offered().size() == 2
                && delivery(o).corrected() != null && delivery(o).corrected().correctionFirstDispatch() != null);
        CorrectionTiming t = delivery(o).corrected();
        assertThat(t.correctedBy()).isEqualTo("operator:duty-officer");
        assertThat(t.millisFromOriginalToCorrectionDispatch()).isEqualTo(30_000L);
        assertThat(t.millisFromCorrectionToFirstDispatch()).isZero();
        assertThat(f.get("cbc").offered().get(1).action()).isEqualTo(io.tocsin.connector.DispatchAction.CANCEL);
    }

    private DeliveryView delivery(String id) {
        return f.engine().ledger().delivery(id).orElseThrow();
    }
}
