package io.tocsin.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tocsin.cap.Alert;
import io.tocsin.cap.Area;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Dispatch;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.pipeline.testing.EngineFixture;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.pipeline.testing.ManualClock;
import io.tocsin.pipeline.testing.TestAlerts;
import io.tocsin.report.AfterActionReport;
import io.tocsin.targeting.AreaResolver;
import io.tocsin.targeting.Audience;
import io.tocsin.targeting.RecipientSink;
import io.tocsin.targeting.Resolution;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A double-blind drill: injected at a moment the engine picks inside the window (not before, not after), always
 * as an Exercise that waits for an operator, targeted at the exercise audience only; its handling is timed.
 */
@Timeout(60)
class DoubleBlindDrillTest {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T02:00:00Z"));
    final List<Audience> audiences = new CopyOnWriteArrayList<>();
    EngineFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private Drills start() {
        FakeResolver people = FakeResolver.recipients(25);
        AreaResolver recording = new AreaResolver() {
            @Override
            public Resolution resolve(List<Area> areas, Audience audience, RecipientSink sink) {
                audiences.add(audience);
                return people.resolve(areas, audience, sink);
            }
        };
        f = new EngineFixture(dir, recording, clock).connector("sms", ChannelKind.SMS, "cmcc");
        f.start();
        return new Drills(f.engine().intake(), f.engine().ledger(), clock, new Random(7), null)
                .auditTo(f.engine()::audit);
    }

    @Test
    void aDrillIsInjectedUnannouncedInsideItsWindowAsAnExerciseAndItsHandlingIsTimed() throws Exception {
        Drills drills = start();
        // the template says Actual: the drill sends it as an Exercise all the same
        Alert actual = TestAlerts.alert("T1", "Severe", "Expected", "2026-11-29T12:00:00+08:00");
        assertThat(actual.status()).isEqualTo("Actual");
        Instant from = clock.instant().plus(Duration.ofMinutes(10));
        Instant to = from.plus(Duration.ofHours(1));
        DrillPlan plan = drills.schedule("night-typhoon", from, to, actual, "supervisor");
        assertThat(plan.moment()).isBetween(from, to);
        // the pipeline thread writes the scheduling note; let it do so before the manual clock moves on
        java.nio.file.Path auditFile = dir.resolve("audit").resolve("audit.log");
        await().atMost(Duration.ofSeconds(10)).until(() -> java.nio.file.Files.exists(auditFile)
                && java.nio.file.Files.readString(auditFile).contains("\"type\":\"drill-scheduled\""));

        assertThat(drills.doWork(clock.instant())).isZero();
        clock.set(plan.moment().minusMillis(1));
        assertThat(drills.doWork(clock.instant())).isZero();
        clock.set(plan.moment());
        assertThat(drills.doWork(clock.instant())).isOne();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                drills.plan(plan.id()).orElseThrow().state() == DrillPlan.State.INJECTED);
        String id = drills.plan(plan.id()).orElseThrow().alertId();
        assertThat(drills.doWork(clock.instant())).as("injected once").isZero();

        AlertView v = f.view(id);
        assertThat(v.status()).isEqualTo("Exercise");
        assertThat(v.publisher()).isEqualTo("drill:night-typhoon");
        assertThat(v.state()).isEqualTo(AlertState.PENDING_APPROVAL);
        assertThat(v.receivedAt()).isEqualTo(plan.moment());
        assertThat(f.get("sms").offered()).isEmpty();

        clock.advance(Duration.ofSeconds(95));
        assertThat(f.engine().intake().approve(id, "duty-officer").get().kind().name()).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(10)).until(() -> f.get("sms").offered().size() == 25);
        assertThat(f.get("sms").offered()).allSatisfy((Dispatch d) ->
                assertThat(d.alert().status()).isEqualTo("Exercise"));
        assertThat(audiences).isNotEmpty().containsOnly(Audience.EXERCISE);

        DrillHandling h = drills.handling(drills.plan(plan.id()).orElseThrow()).orElseThrow();
        assertThat(h.action()).isEqualTo("approved");
        assertThat(h.detail()).contains("duty-officer");
        assertThat(h.msToHandle()).isEqualTo(95_000L);
        await().atMost(Duration.ofSeconds(5)).until(() -> new AfterActionReport(f.engine().ledger(), null).build(id)
                .orElseThrow().containsKey("drill"));
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) new AfterActionReport(f.engine().ledger(), null)
                .build(id).orElseThrow().get("drill");
        assertThat(section).containsEntry("action", "approved").containsEntry("msToHandle", 95_000L)
                .containsEntry("status", "Exercise");
        f.close();
        f = null;
        List<String> audit = java.nio.file.Files.readAllLines(dir.resolve("audit").resolve("audit.log"));
        assertThat(audit).anySatisfy(l -> assertThat(l).contains("\"type\":\"drill-scheduled\"")
                        .contains("\"actor\":\"supervisor\"").contains("moment not disclosed")
                        .doesNotContain(plan.moment().toString()))
                .anySatisfy(l -> assertThat(l).contains("\"type\":\"drill-injected\"").contains(id));
    }

    @Test
    void aConfiguredDrillAlreadyInjectedIsNotInjectedAgainAfterARestartAndEmptyWindowsAreRefused() throws Exception {
        Drills drills = start();
        DrillPlan plan = drills.schedule("quake", clock.instant(), clock.instant().plusSeconds(60), null, "config");
        clock.set(plan.moment());
        drills.doWork(clock.instant());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                drills.plan(plan.id()).orElseThrow().state() == DrillPlan.State.INJECTED);
        String id = drills.plan(plan.id()).orElseThrow().alertId();

        Drills afterRestart = new Drills(f.engine().intake(), f.engine().ledger(), clock, new Random(1), null);
        DrillPlan again = afterRestart.scheduleConfigured("quake", clock.instant(), clock.instant().plusSeconds(600),
                null);
        assertThat(again.state()).isEqualTo(DrillPlan.State.INJECTED);
        assertThat(again.alertId()).isEqualTo(id);
        clock.advance(Duration.ofMinutes(11));
        assertThat(afterRestart.doWork(clock.instant())).isZero();

        assertThatThrownBy(() -> drills.schedule("late", clock.instant().minusSeconds(120),
                clock.instant().minusSeconds(60), null, "x")).hasMessageContaining("no future part");
    }
}
