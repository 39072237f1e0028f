package io.tocsin.governance;

import static io.tocsin.pipeline.testing.TestAlerts.alert;
import static io.tocsin.pipeline.testing.TestAlerts.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.connector.ChannelKind;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.pipeline.Governance;
import io.tocsin.pipeline.IntakeOutcome;
import io.tocsin.pipeline.testing.EngineFixture;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.pipeline.testing.ManualClock;
import io.tocsin.security.Identities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Approval expiry (window and CAP expires), self-approval by person, rejection with a reason — all audited. */
@Timeout(60)
class ApprovalGovernanceTest {
    static final String EXPIRES = "2026-11-29T18:00:00+08:00";
    static final Identities PEOPLE = new Identities(Map.of("tianhe-office", "wang.li"), Map.of("wli", "wang.li"));

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T02:00:00Z"));
    EngineFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private EngineFixture engine(Duration window) {
        f = new EngineFixture(dir, FakeResolver.recipients(50), clock)
                .connector("sms", ChannelKind.SMS, "cmcc")
                .config(c -> c.withGovernance(new Governance(window, PEOPLE, Set.of())));
        f.start();
        return f;
    }

    private List<String> auditLines() throws Exception {
        f.close();
        f = null;
        return Files.readAllLines(dir.resolve("audit").resolve("audit.log"));
    }

    @Test
    void aPendingAlertNotApprovedWithinTheWindowExpiresUnsentWithAnAuditedReason() throws Exception {
        engine(Duration.ofMinutes(10));
        String id = f.submit(submission(alert("P1", "Severe", "Expected", EXPIRES), "tianhe-office", true,
                clock.instant())).alertId();
        clock.advance(Duration.ofMinutes(9));
        assertThat(f.view(id).state()).isEqualTo(AlertState.PENDING_APPROVAL);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> f.view(id).state() == AlertState.EXPIRED);
        AlertView v = f.view(id);
        assertThat(v.timeline()).anySatisfy(t -> assertThat(t.detail())
                .contains("not approved within the approval window of PT10M").contains("never sent"));
        IntakeOutcome late = f.engine().intake().approve(id, "bob").get();
        assertThat(late.kind()).isEqualTo(IntakeOutcome.Kind.REJECTED);
        assertThat(late.reason()).contains("EXPIRED");
        assertThat(f.get("sms").offered()).isEmpty();
        assertThat(v.channels()).isEmpty();
        assertThat(auditLines()).anySatisfy(l -> assertThat(l).contains("\"type\":\"close\"").contains(id)
                .contains("not approved within the approval window"));
    }

    @Test
    void aPendingAlertWhoseCapExpiresPassesIsNeverSent() throws Exception {
        engine(null);
        String id = f.submit(submission(alert("P2", "Severe", "Expected", "2026-11-29T10:05:00+08:00"),
                "tianhe-office", true, clock.instant())).alertId();
        clock.advance(Duration.ofMinutes(6));
        await().atMost(Duration.ofSeconds(10)).until(() -> f.view(id).state() == AlertState.EXPIRED);
        assertThat(f.view(id).timeline()).anySatisfy(t -> assertThat(t.detail())
                .contains("passed while waiting for approval; never sent"));
        assertThat(f.engine().intake().approve(id, "bob").get().kind()).isEqualTo(IntakeOutcome.Kind.REJECTED);
        assertThat(f.get("sms").offered()).isEmpty();
    }

    @Test
    void theSamePersonCannotApproveThroughAnOperatorAccountWithAnotherName() throws Exception {
        engine(Duration.ofMinutes(10));
        String id = f.submit(submission(alert("P3", "Severe", "Expected", EXPIRES), "tianhe-office", true,
                clock.instant())).alertId();
        IntakeOutcome self = f.engine().intake().approve(id, "wli").get();
        assertThat(self.kind()).isEqualTo(IntakeOutcome.Kind.REJECTED);
        assertThat(self.reason()).contains("self-approval refused").contains("wang.li").contains("tianhe-office");
        assertThat(f.view(id).state()).isEqualTo(AlertState.PENDING_APPROVAL);
        IntakeOutcome other = f.engine().intake().approve(id, "duty-officer").get();
        assertThat(other.kind()).isEqualTo(IntakeOutcome.Kind.ACCEPTED);
        await().atMost(Duration.ofSeconds(10)).until(() -> f.get("sms").offered().size() == 50);
        // approved in time: the window no longer applies
        clock.advance(Duration.ofMinutes(11));
        await().atMost(Duration.ofSeconds(10)).until(() -> f.view(id).state() == AlertState.DONE);
        assertThat(auditLines()).anySatisfy(l -> assertThat(l).contains("\"type\":\"approve\"")
                .contains("\"actor\":\"duty-officer\"").contains(id));
    }

    @Test
    void aRejectionCarriesItsReasonIntoTheTimelineAndTheAuditChain() throws Exception {
        engine(Duration.ofMinutes(10));
        String id = f.submit(submission(alert("P4", "Severe", "Expected", EXPIRES), "tianhe-office", true,
                clock.instant())).alertId();
        IntakeOutcome out = f.engine().intake().reject(id, "duty-officer", "wrong district: Haizhu, not Tianhe").get();
        assertThat(out.state()).isEqualTo("REJECTED");
        assertThat(f.view(id).timeline()).anySatisfy(t -> assertThat(t.detail()).contains("wrong district"));
        assertThat(f.get("sms").offered()).isEmpty();
        assertThat(auditLines()).anySatisfy(l -> assertThat(l).contains("\"type\":\"reject\"")
                .contains("\"actor\":\"duty-officer\"").contains(id)
                .contains("wrong district: Haizhu, not Tianhe"));
    }
}
