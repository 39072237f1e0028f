package io.tocsin.report;

import static io.tocsin.pipeline.testing.TestAlerts.alert;
import static io.tocsin.pipeline.testing.TestAlerts.message;
import static io.tocsin.pipeline.testing.TestAlerts.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Alert;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.Target;
import io.tocsin.journal.AlertAccepted;
import io.tocsin.journal.DispatchOutcome;
import io.tocsin.journal.DispatchRange;
import io.tocsin.journal.DispatchesPlanned;
import io.tocsin.journal.OperatorAction;
import io.tocsin.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's numbers from a ledger fed journal records with known times (no threads, no clock). */
class AfterActionReportTest {
    static final String EXPIRES = "2026-11-29T18:00:00+08:00";
    static final long T0 = 1_800_000_000_000L;

    final Ledger ledger = new Ledger();

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private long plan(long at, String alertId, String connector, ChannelKind kind, DispatchAction action, int n) {
        long first = ledger.nextDispatchId();
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            targets.add(kind == ChannelKind.SMS ? Target.subscriber("1380000" + i, "cmcc", "zh-CN")
                    : new Target(kind, "cb-" + i, "cmcc", "zh-CN", List.of("c1"), List.of()));
        }
        ledger.apply(new DispatchesPlanned(at, alertId, connector, action, 0, null, first, n, targets));
        return first;
    }

    @Test
    void timesToShareDeliveredFailuresRetriesAndDuplicatesComeFromReceipts() {
        Alert a = alert("A1", "Extreme", "Immediate", EXPIRES);
        ledger.apply(new AlertAccepted(T0, "tx-000001", "gz-met", true, "application/cap+xml", null, a));
        ledger.apply(new OperatorAction(T0 + 40_000, OperatorAction.Kind.APPROVE, "tx-000001", "duty", null));
        long first = plan(T0 + 40_005, "tx-000001", "sms", ChannelKind.SMS, DispatchAction.SEND, 100);
        ledger.apply(new DispatchRange(T0 + 40_010, first, 100, DispatchState.SUBMITTED));
        // 10 handed back for a retry, then submitted again later
        ledger.apply(new DispatchRange(T0 + 40_020, first + 90, 10, DispatchState.PLANNED));
        ledger.apply(new DispatchRange(T0 + 41_000, first + 90, 10, DispatchState.SUBMITTED));
        // delivered i at 40 s + 100 ms * (i + 1) for i < 95; 3 failed, 2 expired
        for (int i = 0; i < 95; i++) {
            ledger.apply(new DispatchOutcome(T0 + 40_000 + 100L * (i + 1), first + i, DispatchState.DELIVERED, "p", null));
        }
        ledger.apply(new DispatchOutcome(T0 + 50_000, first + 95, DispatchState.FAILED, "p", "0x0000000B invalid dest"));
        ledger.apply(new DispatchOutcome(T0 + 50_000, first + 96, DispatchState.FAILED, "p", "0x0000000B invalid dest"));
        ledger.apply(new DispatchOutcome(T0 + 50_000, first + 97, DispatchState.FAILED, "p", "0x00000058 throttled"));
        ledger.apply(new DispatchOutcome(T0 + 50_000, first + 98, DispatchState.EXPIRED, "p", "validity"));
        ledger.apply(new DispatchOutcome(T0 + 50_000, first + 99, DispatchState.EXPIRED, "p", "validity"));
        ledger.apply(new DispatchOutcome(T0 + 51_000, first, DispatchState.DELIVERED, "p", null)); // duplicate
        ledger.publish();

        Map<String, Object> r = new AfterActionReport(ledger.view(), null).build("tx-000001").orElseThrow();

        Map<String, Object> timeline = map(r.get("timeline"));
        assertThat(map(timeline.get("approved")).get("afterMs")).isEqualTo(40_000L);
        Map<String, Object> sms = map(timeline.get("SMS"));
        assertThat(sms.get("firstDispatchAfterMs")).isEqualTo(40_010L);
        assertThat(sms.get("lastDispatchAfterMs")).isEqualTo(41_000L);
        // 50 of 100 delivered at 40 s + 5.0 s; 90 at 49.0 s; 99 and 100 never (5 did not arrive)
        assertThat(map(sms.get("msToDelivered"))).containsEntry("50%", 45_000L).containsEntry("90%", 49_000L)
                .containsEntry("99%", null).containsEntry("100%", null);
        Map<String, Object> ch = map(map(r.get("channels")).get("SMS"));
        assertThat(ch).containsEntry("planned", 100L).containsEntry("delivered", 95L).containsEntry("failed", 3L)
                .containsEntry("expired", 2L).containsEntry("retries", 10L).containsEntry("duplicateReceipts", 1L);
        assertThat(map(ch.get("failuresByReason"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "FAILED: 0x0000000B invalid dest", 2L, "FAILED: 0x00000058 throttled", 1L, "EXPIRED: validity", 2L));
        assertThat(map(r.get("totals"))).containsEntry("delivered", 95L).containsEntry("retries", 10L);
        assertThat(ReportHtml.render(r)).contains("After-action report: tx-000001").contains("0x0000000B invalid dest")
                .doesNotContain("<script");
    }

    @Test
    void aCancelReportsItsWithdrawalsAndTheTimeToCorrect() {
        Alert a = alert("A1", "Extreme", "Immediate", EXPIRES);
        ledger.apply(new AlertAccepted(T0, "tx-000001", "gz-met", false, "application/cap+xml", null, a));
        long cb = plan(T0 + 5, "tx-000001", "cbc", ChannelKind.CELL_BROADCAST, DispatchAction.SEND, 2);
        ledger.apply(new DispatchRange(T0 + 10, cb, 2, DispatchState.SUBMITTED));
        ledger.apply(new DispatchOutcome(T0 + 300, cb, DispatchState.ACCEPTED, "m1", null));
        ledger.apply(new DispatchOutcome(T0 + 700, cb + 1, DispatchState.ACCEPTED, "m2", null));
        Alert cancel = message("A2", "2026-11-29T10:10:00+08:00", "Cancel", ref(a), "Extreme", "Immediate", EXPIRES);
        ledger.apply(new AlertAccepted(T0 + 600_000, "tx-000002", "gz-met", false, "application/cap+xml", null, cancel));
        long w = plan(T0 + 600_002, "tx-000001", "cbc", ChannelKind.CELL_BROADCAST, DispatchAction.CANCEL, 2);
        ledger.apply(new DispatchRange(T0 + 600_003, w, 2, DispatchState.SUBMITTED));
        ledger.apply(new DispatchOutcome(T0 + 600_250, w, DispatchState.ACCEPTED, "m1", null));
        ledger.apply(new DispatchOutcome(T0 + 600_400, w + 1, DispatchState.ACCEPTED, "m2", null));
        ledger.publish();

        Map<String, Object> r = new AfterActionReport(ledger.view(), null).build("tx-000001").orElseThrow();
        Map<String, Object> c = map(r.get("corrections"));
        assertThat(c).containsEntry("cancelledBy", "tx-000002").containsEntry("msToCorrectionReceived", 600_000L)
                .containsEntry("msToWithdrawn", 600_400L);
        Map<String, Object> cbTimes = map(map(r.get("timeline")).get("CELL_BROADCAST"));
        assertThat(map(cbTimes.get("msToAccepted"))).containsEntry("50%", 300L).containsEntry("100%", 700L);
        assertThat(map(map(r.get("channels")).get("CELL_BROADCAST/cancel"))).containsEntry("accepted", 2L);
        assertThat(map(map(r.get("timeline")).get("cancelled")).get("afterMs")).isEqualTo(600_000L);
        Map<String, Object> r2 = new AfterActionReport(ledger.view(), null).build("tx-000002").orElseThrow();
        assertThat(map(r2.get("corrections")).get("cancels")).isEqualTo(List.of("tx-000001"));
    }
}
