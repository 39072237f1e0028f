package io.tocsin.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.ledger.ChannelCounters;
import io.tocsin.sim.smpp.SmscFaults;
import io.tocsin.sim.smpp.SmscSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMS faults of a typhoon night, injected into the real SMPP connector's carriers (simulated SMSCs) under a
 * real engine: a flapping carrier link, a throttling storm, receipts that never come. In each the engine keeps
 * taking alerts (202 within seconds), {@code /health} says what the carrier link is doing, and once the fault
 * clears everything accepted reaches every handset (or, for lost receipts, ends UNKNOWN after the receipt
 * timeout: counted, not stuck) without anyone stepping in.
 */
@Timeout(120)
class SmsFaultCampaignTest {
    @TempDir
    Path data;
    private FaultRig rig;

    /** Starts the demo's peers and an engine with only the SMS connectors, tuned by {@code smpp} settings. */
    private void start(Map<String, Object> smpp) throws Exception {
        rig = FaultRig.start(data, Set.of("SMS"), c -> {
            FaultRig.smppSettings(c.connectors(), smpp);
            return c;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> rig.health().path("status").asText().equals("UP"));
    }

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    private void awaitDelivered(List<String> ids, Duration within) {
        await().atMost(within).until(() -> ids.stream().allMatch(id -> rig.settled(id, "SMS", false)));
        for (String id : ids) {
            ChannelCounters sms = rig.counters(id, "SMS");
            assertThat(sms.delivered()).as("alert %s: %s", id, sms).isEqualTo(sms.planned());
        }
    }

    @Test
    void aFlappingCarrierLinkIsReportedDownWhileAlertsAreStillTakenAndEverythingIsDeliveredOnceItHolds()
            throws Exception {
        start(Map.of());
        SmscSimulator cmcc = rig.world.smscs.get("cmcc");
        List<String> ids = new ArrayList<>();
        long recoveries = 0;
        long worstRecoveryMs = 0;
        for (int flap = 0; flap < 3; flap++) {
            cmcc.faults().refuseBinds(true);
            cmcc.dropAll();
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.connectorStatus("sms-cmcc").equals("DOWN"));
            ids.add(rig.submit()); // the engine keeps taking alerts while a carrier is gone
            assertThat(rig.health().path("status").asText()).isEqualTo("DEGRADED");
            long refusedBefore = cmcc.faults().bindsRefused();
            await().atMost(Duration.ofSeconds(10)).until(() -> cmcc.faults().bindsRefused() > refusedBefore);
            long cleared = System.nanoTime();
            cmcc.faults().refuseBinds(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.connectorStatus("sms-cmcc").equals("UP"));
            long ms = (System.nanoTime() - cleared) / 1_000_000;
            worstRecoveryMs = Math.max(worstRecoveryMs, ms);
            recoveries++;
        }
        long cleared = System.nanoTime();
        awaitDelivered(ids, Duration.ofSeconds(60));
        long drainMs = (System.nanoTime() - cleared) / 1_000_000;
        assertThat(cmcc.faults().bindsRefused()).isPositive();
        long planned = ids.stream().mapToLong(id -> rig.counters(id, "SMS").planned()).sum();
        long extra = rig.smscMessages() - planned;
        assertThat(extra).as("messages sent twice: at most the in-flight window (4 binds x 32) per cut")
                .isBetween(0L, 4L * 32 * ids.size());
        System.out.printf("FAULT bind-flapping: %d flaps, rebind after fault cleared worst %d ms, all %d alerts"
                + " (%d SMS) delivered %d ms after the last flap, binds refused %d, sent twice %d%n", recoveries,
                worstRecoveryMs, ids.size(), planned, drainMs, cmcc.faults().bindsRefused(), extra);
    }

    @Test
    void aThrottlingStormSlowsTheCarrierWithoutFailingAnythingAndTheBacklogDrainsWhenItPasses() throws Exception {
        start(Map.of());
        List<SmscSimulator> smscs = new ArrayList<>(rig.world.smscs.values());
        smscs.forEach(s -> s.faults().throttleAll(SmscFaults.THROTTLED));
        String first = rig.submit();
        await().atMost(Duration.ofSeconds(10)).until(() -> smscs.stream()
                .allMatch(s -> s.faults().stormAnswers() > 20));
        smscs.forEach(s -> s.faults().throttleAll(SmscFaults.QUEUE_FULL));
        String second = rig.submit();
        long storm = smscs.stream().mapToLong(s -> s.faults().stormAnswers()).sum();
        await().atMost(Duration.ofSeconds(10)).until(() -> smscs.stream()
                .mapToLong(s -> s.faults().stormAnswers()).sum() > storm + 60);
        assertThat(rig.connectorStatus("sms-cmcc")).as("throttled, not down").isEqualTo("UP");
        assertThat(rig.smscMessages()).as("nothing got through the storm").isZero();
        long cleared = System.nanoTime();
        smscs.forEach(s -> s.faults().clear());
        awaitDelivered(List.of(first, second), Duration.ofSeconds(60));
        long drainMs = (System.nanoTime() - cleared) / 1_000_000;
        long answers = smscs.stream().mapToLong(s -> s.faults().stormAnswers()).sum();
        assertThat(rig.counters(first, "SMS").failed()).isZero();
        System.out.printf("FAULT throttling-storm: %d submit_sm answered 0x58/0x14, 0 failed, backlog of %d SMS"
                + " delivered %d ms after the storm%n", answers,
                rig.counters(first, "SMS").planned() + rig.counters(second, "SMS").planned(), drainMs);
    }

    @Test
    void lostReceiptsEndUnknownAfterTheReceiptTimeoutAndReceiptsComingBackAreUsedAgain() throws Exception {
        start(Map.of("receipt_timeout_seconds", 2));
        List<SmscSimulator> smscs = new ArrayList<>(rig.world.smscs.values());
        smscs.forEach(s -> s.faults().loseReceipts(true));
        String lost = rig.submit();
        long t0 = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> rig.settled(lost, "SMS", false));
        long settledMs = (System.nanoTime() - t0) / 1_000_000;
        ChannelCounters c = rig.counters(lost, "SMS");
        assertThat(c.unknown()).as("%s", c).isEqualTo(c.planned());
        assertThat(c.submitted()).isZero();
        assertThat(rig.host.engine().metrics().inFlight()).as("nothing stuck in flight").isZero();
        assertThat(rig.smscMessages()).as("the carriers did get them").isEqualTo(c.planned());

        smscs.forEach(s -> s.faults().clear());
        String after = rig.submit();
        await().atMost(Duration.ofSeconds(30)).until(() -> rig.settled(after, "SMS", false));
        ChannelCounters next = rig.counters(after, "SMS");
        // receipts flow again; on a starved machine a few may still come after the short 2 s timeout
        assertThat(next.delivered()).as("%s", next).isGreaterThan(next.planned() / 2);
        assertThat(next.delivered() + next.unknown()).isEqualTo(next.planned());
        System.out.printf("FAULT lost-receipts: %d SMS accepted by the carriers without receipts all ended UNKNOWN"
                + " %d ms after the 202 (receipt timeout 2 s); next alert after the fault: %d delivered, %d unknown%n",
                c.planned(), settledMs, next.delivered(), next.unknown());
    }
}
