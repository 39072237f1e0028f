package io.tocsin.pipeline;

import static io.tocsin.pipeline.testing.TestAlerts.alert;
import static io.tocsin.pipeline.testing.TestAlerts.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.cap.Alert;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchAction;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.DeliveryView;
import io.tocsin.pipeline.testing.EngineFixture;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.pipeline.testing.ManualClock;
import io.tocsin.pipeline.testing.RecordingConnector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real engine: a delivered alert's CAP model leaves the heap, yet its body, its report view and an
 * operator's later cancel (with the cell broadcast withdrawn carrying the operator's Cancel) work as before, and
 * after a restart the bodies of replayed alerts are still answered (the Atom feed and console read them).
 */
@Timeout(60)
class CompactedAlertEngineTest {
    static final String EXPIRES = "2027-11-29T18:00:00+08:00";

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T02:00:00Z"));
    final FakeResolver resolver = new FakeResolver(13800000000L, 20, List.of("cmcc"), List.of("zh-CN"),
            Map.of("cmcc", List.of("c1")), List.of(), List.of(), 100);

    private EngineFixture fixture() {
        return new EngineFixture(dir, resolver, clock)
                .connector("sms-cmcc", ChannelKind.SMS, "cmcc")
                .connector("cbc-cmcc", ChannelKind.CELL_BROADCAST, "cmcc");
    }

    @Test
    void aDoneAlertIsCompactedAndStillAnswersItsReadersAndAnOperatorCancel() {
        Alert a1 = alert("A1", "Extreme", "Immediate", EXPIRES);
        String id;
        try (EngineFixture f = fixture().create()) {
            f.get("sms-cmcc").answer(RecordingConnector.Answer.DELIVER);
            f.get("cbc-cmcc").answer(RecordingConnector.Answer.ACCEPT);
            f.start();
            id = f.submit(submission(a1)).alertId();
            await().until(() -> f.view(id).state() == AlertState.DONE);
            await().until(() -> f.view(id).channels().get("SMS").delivered() == 20);

            assertThat(f.engine().ledger().submission(id)).hasValueSatisfying(s -> {
                assertThat(s.alert()).isEqualTo(a1);
                assertThat(new String(s.raw(), StandardCharsets.UTF_8)).isEqualTo("<alert>A1</alert>");
            });
            DeliveryView d = f.engine().ledger().delivery(id).orElseThrow();
            assertThat(d.alert()).as("read back for the report").isEqualTo(a1);

            assertThat(f.engine().intake().cancel(id, "duty", "wrong district").join().kind())
                    .isEqualTo(IntakeOutcome.Kind.ACCEPTED);
            await().until(() -> f.get("cbc-cmcc").offered().stream().anyMatch(x -> x.action() == DispatchAction.CANCEL));
            Dispatch withdrawal = f.get("cbc-cmcc").offered().stream()
                    .filter(x -> x.action() == DispatchAction.CANCEL).findFirst().orElseThrow();
            assertThat(withdrawal.alert().msgType()).isEqualTo("Cancel");
            assertThat(withdrawal.alert().identifier()).isEqualTo("A1-cancel");
            assertThat(withdrawal.alert().infos()).isEqualTo(a1.infos());
            await().until(() -> f.view(id).state() == AlertState.CANCELLED);
        }
        try (EngineFixture again = fixture().create()) {
            again.start();
            assertThat(again.engine().ledger().submission(id)).as("bodies of replayed alerts")
                    .hasValueSatisfying(s -> assertThat(s.alert()).isEqualTo(a1));
            assertThat(again.engine().ledger().keepsSubmissions()).isTrue();
            assertThat(again.view(id).state()).isEqualTo(AlertState.CANCELLED);
        }
    }
}
