package io.tocsin.pipeline;

import static io.tocsin.pipeline.testing.TestAlerts.alert;
import static io.tocsin.pipeline.testing.TestAlerts.submission;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.journal.FreeSpaceGuard;
import io.tocsin.journal.MemoryJournal;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.pipeline.testing.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The free-space guard in front of the journal, with a pluggable probe (the dist module's fault campaign does
 * the same on a real, nearly full tmpfs): below the reserve a new alert is SATURATED with the reason and nothing
 * is journaled; a duplicate and an operator cancel still pass; with room again alerts are taken. The probe runs
 * at most once per period, not per record.
 */
@Timeout(30)
class DiskNearlyFullTest {
    static final String EXPIRES = "2026-11-29T18:00:00+08:00";
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T02:00:00Z"));
    final AtomicLong free = new AtomicLong(1L << 30);
    final AtomicLong probes = new AtomicLong();
    final AtomicLong nanos = new AtomicLong();
    Engine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private Engine started(MemoryJournal journal) {
        FreeSpaceGuard guard = new FreeSpaceGuard(() -> {
            probes.incrementAndGet();
            return free.get();
        }, 64L << 20, nanos::get, 250_000_000L);
        engine = new Engine(EngineConfig.defaults(null), FakeResolver.recipients(0), clock, journal)
                .spaceGuard(guard).start(List.of());
        return engine;
    }

    @Test
    void belowTheReserveNewAlertsAreSaturatedAndNothingIsJournaledUntilSpaceIsFreed() throws Exception {
        MemoryJournal journal = new MemoryJournal();
        started(journal);
        IntakeOutcome first = engine.intake().submit(submission(alert("A1", "Extreme", "Immediate", EXPIRES))).get();
        assertThat(first.kind()).isEqualTo(IntakeOutcome.Kind.ACCEPTED);

        free.set(10L << 20);
        nanos.addAndGet(300_000_000L);
        IntakeOutcome refused = engine.intake().submit(submission(alert("A2", "Extreme", "Immediate", EXPIRES))).get();
        assertThat(refused.kind()).isEqualTo(IntakeOutcome.Kind.SATURATED);
        assertThat(refused.reason()).contains("disk nearly full").contains("10485760 bytes free");
        assertThat(acceptedIn(journal)).as("nothing journaled for the refused alert").isEqualTo(1);
        assertThat(engine.spaceGuard().refusing()).isTrue();
        assertThat(engine.spaceGuard().refused()).isEqualTo(1);

        IntakeOutcome duplicate = engine.intake().submit(submission(alert("A1", "Extreme", "Immediate", EXPIRES)))
                .get();
        assertThat(duplicate.kind()).as("a retried alert is still recognised").isEqualTo(IntakeOutcome.Kind.DUPLICATE);
        IntakeOutcome cancel = engine.intake().cancel(first.alertId(), "duty-officer", "drill over").get();
        assertThat(cancel.kind()).as("cancels are never refused for space").isEqualTo(IntakeOutcome.Kind.ACCEPTED);

        free.set(1L << 30);
        IntakeOutcome stillCached = engine.intake().submit(submission(alert("A3", "Extreme", "Immediate", EXPIRES)))
                .get();
        assertThat(stillCached.kind()).as("the probe is not repeated within its period")
                .isEqualTo(IntakeOutcome.Kind.SATURATED);
        nanos.addAndGet(300_000_000L);
        IntakeOutcome again = engine.intake().submit(submission(alert("A3", "Extreme", "Immediate", EXPIRES))).get();
        assertThat(again.kind()).isEqualTo(IntakeOutcome.Kind.ACCEPTED);
        assertThat(engine.ledger().alerts()).hasSize(2);
    }

    private static long acceptedIn(MemoryJournal journal) {
        long[] n = {0};
        journal.replay((pos, r) -> n[0] += r instanceof io.tocsin.journal.AlertAccepted ? 1 : 0);
        return n[0];
    }

    @Test
    void theDiskIsProbedOncePerPeriodNotPerAlert() throws Exception {
        started(new MemoryJournal());
        for (int i = 0; i < 200; i++) {
            engine.intake().submit(submission(alert("B" + i, "Minor", "Future", EXPIRES))).get();
        }
        assertThat(probes.get()).isEqualTo(1);
        nanos.addAndGet(250_000_000L);
        engine.intake().submit(submission(alert("C", "Minor", "Future", EXPIRES))).get();
        assertThat(probes.get()).isEqualTo(2);
    }
}
