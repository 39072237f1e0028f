package io.tocsin.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.Target;
import io.tocsin.journal.AlertAccepted;
import io.tocsin.journal.DispatchOutcome;
import io.tocsin.journal.DispatchRange;
import io.tocsin.journal.DispatchesPlanned;
import io.tocsin.pipeline.testing.TestAlerts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Delivered reach per region comes from the regions SMS targets carry and the receipts of their dispatches. */
class RegionDeliveryTest {
    static final long T0 = 1_800_000_000_000L;

    final Ledger ledger = new Ledger();

    @Test
    void deliveredAndFailedAreCountedInTheRegionOfEachSubscriber() {
        ledger.apply(new AlertAccepted(T0, "tx-000001", "gz-met", false, "application/cap+xml", null,
                TestAlerts.alert("A1", "Extreme", "Immediate", "2026-11-29T18:00:00+08:00")));
        long first = ledger.nextDispatchId();
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            targets.add(Target.subscriber("1380000000" + i, "cmcc", "zh-CN", i < 6 ? "440106" : "440104"));
        }
        targets.add(Target.subscriber("13900000000", "cmcc", "zh-CN")); // region unknown: counted nowhere
        ledger.apply(new DispatchesPlanned(T0, "tx-000001", null, DispatchAction.SEND, 0, null, first, 11, targets));
        ledger.apply(new DispatchRange(T0 + 1, first, 11, DispatchState.SUBMITTED));
        for (int i = 0; i < 11; i++) {
            boolean fails = i == 2 || i == 7;
            ledger.apply(new DispatchOutcome(T0 + 2, first + i, fails ? DispatchState.FAILED : DispatchState.DELIVERED,
                    "m" + i, fails ? "absent subscriber" : null));
        }
        ledger.publish();

        DeliveryView d = ledger.view().delivery("tx-000001").orElseThrow();
        assertThat(d.regions()).containsOnlyKeys("440106", "440104");
        assertThat(d.regions().get("440106")).isEqualTo(new RegionDelivery(6, 5, 1));
        assertThat(d.regions().get("440104")).isEqualTo(new RegionDelivery(4, 3, 1));
    }

    @Test
    void aBatchInOneRegionAndWholeAreaChannelsNeedNoPerDispatchIndex() {
        ledger.apply(new AlertAccepted(T0, "tx-000001", "gz-met", false, "application/cap+xml", null,
                TestAlerts.alert("A1", "Extreme", "Immediate", "2026-11-29T18:00:00+08:00")));
        long sms = ledger.nextDispatchId();
        ledger.apply(new DispatchesPlanned(T0, "tx-000001", null, DispatchAction.SEND, 0, null, sms, 2,
                List.of(Target.subscriber("13800000000", "cmcc", "zh-CN", "440106"),
                        Target.subscriber("13800000001", "cmcc", "zh-CN", "440106"))));
        long cb = ledger.nextDispatchId();
        ledger.apply(new DispatchesPlanned(T0, "tx-000001", "cmcc-cbc", DispatchAction.SEND, 0, null, cb, 1,
                List.of(new Target(ChannelKind.CELL_BROADCAST, "cmcc", "cmcc", "zh-CN", List.of("c1"), List.of()))));
        ledger.apply(new DispatchRange(T0 + 1, sms, 3, DispatchState.SUBMITTED));
        ledger.apply(new DispatchOutcome(T0 + 2, sms + 1, DispatchState.DELIVERED, "m", null));
        ledger.apply(new DispatchOutcome(T0 + 2, cb, DispatchState.ACCEPTED, "cb", null));
        ledger.publish();

        assertThat(ledger.view().delivery("tx-000001").orElseThrow().regions())
                .containsExactly(java.util.Map.entry("440106", new RegionDelivery(2, 1, 0)));
    }
}
