package io.tocsin.cbs.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tocsin.cap.Alert;
import io.tocsin.cbs.CbsDecoder;
import io.tocsin.cbs.GeoScope;
import io.tocsin.cbs.MessageIdentifier;
import io.tocsin.cbs.SerialNumber;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.Rendering;
import io.tocsin.connector.SendResult;
import io.tocsin.connector.Target;
import io.tocsin.sim.cbc.CbcBroadcast;
import io.tocsin.sim.cbc.CbcSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CellBroadcastConnectorTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T01:35:00Z"), ZoneOffset.UTC);
    static final List<String> CARRIERS = List.of("cmcc", "cucc", "ctcc");
    /**
     * The target is 100 ms (measured in bench/RESULTS.md on a quiet run). A shared CI machine at load 25+ cannot
     * promise that, so the test bound is what proves that no cancel waits on a timeout (request timeout 3 s):
     * {@code -Dtocsin.cbs.cancelBoundMs=100} asserts the target itself.
     */
    static final Duration CANCEL_BOUND = Duration.ofMillis(Long.getLong("tocsin.cbs.cancelBoundMs", 1000));
    static final List<String> TARGET_DISTRICTS = List.of("440115", "440113", "440105");

    private final Map<String, CbcSimulator> cbcs = new LinkedHashMap<>();
    private final Map<String, CellBroadcastConnector> connectors = new LinkedHashMap<>();
    private final Map<String, TestContext> contexts = new LinkedHashMap<>();
    private long nextDispatch = 1;

    /** Five cells per district in four districts (Tianhe 440106 is not targeted). */
    static List<String> cells(String carrier, List<String> districts) {
        List<String> out = new ArrayList<>();
        for (String d : districts) {
            IntStream.rangeClosed(1, 5).forEach(i -> out.add(carrier + "-" + d + "-" + i));
        }
        return out;
    }

    @BeforeEach
    void start() {
        for (String carrier : CARRIERS) {
            List<String> all = new ArrayList<>(cells(carrier, TARGET_DISTRICTS));
            all.addAll(cells(carrier, List.of("440106")));
            CbcSimulator sim = new CbcSimulator(carrier, all).start(2);
            cbcs.put(carrier, sim);
            ObjectNode s = settings(carrier, sim);
            TestContext ctx = new TestContext(carrier + "-cbs", s, CLOCK);
            CellBroadcastConnector c = (CellBroadcastConnector) new CellBroadcastConnectorFactory().create(ctx);
            c.start();
            contexts.put(carrier, ctx);
            connectors.put(carrier, c);
        }
    }

    static ObjectNode settings(String carrier, CbcSimulator sim) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode s = json.createObjectNode();
        s.put("carrier", carrier);
        s.put("cbe_name", "tocsin-test");
        var endpoints = s.putArray("endpoints").add(json.createObjectNode().put("url", sim.url(0)).put("max_in_flight", 32));
        if (sim.endpoints().size() > 1) {
            endpoints.add(sim.url(1));
        }
        s.put("request_timeout_ms", 3000);
        s.put("connect_timeout_ms", 2000);
        s.put("retry_backoff_ms", 5);
        s.putObject("health").put("interval_ms", 60_000);
        return s;
    }

    @AfterEach
    void stop() {
        connectors.values().forEach(CellBroadcastConnector::close);
        cbcs.values().forEach(CbcSimulator::close);
    }

    private Dispatch dispatch(String carrier, DispatchAction action, Alert alert, String alertId, int sequence, String replaces) {
        Target t = new Target(ChannelKind.CELL_BROADCAST, null, carrier, null, cells(carrier, TARGET_DISTRICTS), List.of());
        return new Dispatch(nextDispatch++, alertId, action, alert, t, null, sequence, replaces);
    }

    private Map<String, Dispatch> offerAll(DispatchAction action, Alert alert, String alertId, int sequence, String replaces) {
        Map<String, Dispatch> out = new LinkedHashMap<>();
        for (String carrier : CARRIERS) {
            Dispatch d = dispatch(carrier, action, alert, alertId, sequence, replaces);
            assertThat(connectors.get(carrier).offer(d)).isEqualTo(SendResult.ACCEPTED);
            out.put(carrier, d);
        }
        return out;
    }

    private void awaitFinal(Map<String, Dispatch> sent) {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                sent.entrySet().stream().allMatch(e -> contexts.get(e.getKey()).hasFinal(e.getValue().id())));
    }

    private static String text(CbcBroadcast b) {
        HexFormat hex = HexFormat.of();
        List<byte[]> pages = b.message().pages().stream().map(hex::parseHex).toList();
        return CbsDecoder.decode(b.message().dcs(), pages);
    }

    @Test
    void chineseTyphoonWithEnglishReachesEveryCarriersCellsThenUpdateReplacesAndCancelDeletes() {
        Alert alert = Alerts.typhoon("a1", "Actual", "Alert", null, Alerts.ZH_HEADLINE);
        int code = SerialNumber.messageCodeFor("a1");
        awaitFinal(offerAll(DispatchAction.SEND, alert, "a1", 0, null));

        for (String carrier : CARRIERS) {
            CbcSimulator sim = cbcs.get(carrier);
            CbcBroadcast zh = sim.message(MessageIdentifier.EXTREME_IMMEDIATE_OBSERVED).orElseThrow();
            CbcBroadcast en = sim.message(4384).orElseThrow();
            assertThat(zh.serialNumber()).isEqualTo(new SerialNumber(GeoScope.CELL_WIDE, code, 0).encoded());
            assertThat(en.serialNumber()).isEqualTo(zh.serialNumber());
            assertThat(zh.message().dcs()).isEqualTo(0x48);
            assertThat(en.message().dcs()).isEqualTo(0x01);
            assertThat(text(zh)).isEqualTo(Alerts.ZH_HEADLINE + "\n" + Alerts.ZH_DESCRIPTION + "\n" + Alerts.ZH_INSTRUCTION);
            assertThat(text(en)).startsWith(Alerts.EN_HEADLINE + "\n");
            assertThat(zh.installedCells()).containsExactlyInAnyOrderElementsOf(cells(carrier, TARGET_DISTRICTS));
            assertThat(sim.messagesInCell(carrier + "-440106-1")).isEmpty();
            assertThat(zh.message().cbeName()).isEqualTo("tocsin-test");
            assertThat(zh.message().repetitionPeriod()).isEqualTo(60);
            assertThat(zh.message().numOfBcast()).isEqualTo(715); // 11 h 55 min until expiry, one a minute
            DeliveryReceipt delivered = contexts.get(carrier).receipts.stream()
                    .filter(r -> r.state() == DispatchState.DELIVERED).findFirst().orElseThrow();
            assertThat(delivered.units()).isEqualTo(15);
            assertThat(delivered.failedUnits()).isEmpty();
            assertThat(delivered.peerRef()).contains("4371/zh", "4384/en");
        }

        Alert update = Alerts.typhoon("a2", "Actual", "Update", "x,a1,y", "广州市气象台更新台风红色预警信号");
        awaitFinal(offerAll(DispatchAction.UPDATE, update, "a2", 1, "a1"));
        for (CbcSimulator sim : cbcs.values()) {
            CbcBroadcast zh = sim.message(4371).orElseThrow();
            assertThat(zh.serialNumber()).isEqualTo(new SerialNumber(GeoScope.CELL_WIDE, code, 1).encoded());
            assertThat(zh.replacements()).isEqualTo(1);
            assertThat(text(zh)).startsWith("广州市气象台更新台风红色预警信号");
            assertThat(sim.message(4384).orElseThrow().message().updateNumber()).isEqualTo(1);
            assertThat(sim.counters().conflicts.get()).isZero();
        }

        Alert cancel = Alerts.typhoon("a3", "Actual", "Cancel", "x,a2,y", Alerts.ZH_HEADLINE);
        long t0 = System.nanoTime();
        offerAll(DispatchAction.CANCEL, cancel, "a3", 2, "a2");
        long elapsed = awaitAllDeleted(t0);
        System.out.printf("cancel: offer → all 3 CBCs deleted 4371+4384 in %.1f ms%n", elapsed / 1e6);
        assertThat(Duration.ofNanos(elapsed)).isLessThan(CANCEL_BOUND);
        for (CbcSimulator sim : cbcs.values()) {
            assertThat(sim.messagesInCell(sim.name() + "-440115-1")).isEmpty();
        }
    }

    private long awaitAllDeleted(long t0) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1)).until(() -> cbcs.values().stream()
                .allMatch(s -> s.message(4371).isEmpty() && s.message(4384).isEmpty()));
        long last = 0;
        for (CbcSimulator sim : cbcs.values()) {
            last = Math.max(last, Math.max(sim.store().deletedAtNanos(4371).orElseThrow(), sim.store().deletedAtNanos(4384).orElseThrow()));
        }
        return last - t0;
    }

    @Test
    void cancelDuringAPrimaryOutageGoesThroughTheSecondary() {
        Alert alert = Alerts.typhoon("b1", "Actual", "Alert", null, Alerts.ZH_HEADLINE);
        awaitFinal(offerAll(DispatchAction.SEND, alert, "b1", 0, null));
        cbcs.values().forEach(s -> s.endpoint(0).stop());

        long t0 = System.nanoTime();
        Map<String, Dispatch> cancels = offerAll(DispatchAction.CANCEL,
                Alerts.typhoon("b2", "Actual", "Cancel", "x,b1,y", Alerts.ZH_HEADLINE), "b2", 1, "b1");
        long elapsed = awaitAllDeleted(t0);
        System.out.printf("cancel with primaries down: all deleted via secondaries in %.1f ms%n", elapsed / 1e6);
        assertThat(Duration.ofNanos(elapsed)).isLessThan(CANCEL_BOUND);
        awaitFinal(cancels);
        cancels.forEach((carrier, d) -> assertThat(contexts.get(carrier).of(d.id(), DispatchState.DELIVERED))
                .as("%s receipts %s", carrier, contexts.get(carrier).receipts).hasSize(1));
        connectors.values().forEach(c -> assertThat(c.health().status()).isNotEqualTo(io.tocsin.connector.ConnectorHealth.Status.UP));
    }

    @Test
    void aTestAlertNeverUsesAPublicIdentifier() {
        awaitFinal(offerAll(DispatchAction.SEND, Alerts.typhoon("t1", "Test", "Alert", null, "测试"), "t1", 0, null));
        for (CbcSimulator sim : cbcs.values()) {
            assertThat(sim.store().messages()).extracting(CbcBroadcast::messageId).containsExactlyInAnyOrder(4380, 4393);
            assertThat(sim.store().messages()).noneMatch(b -> MessageIdentifier.isPublicWarning(b.messageId()));
        }
    }

    @Test
    void failedCellsComeBackInTheReceipt() {
        cbcs.get("cucc").faults().failCells(List.of("cucc-440113-2", "cucc-440113-3"));
        Map<String, Dispatch> sent = offerAll(DispatchAction.SEND, Alerts.typhoon("c1", "Actual", "Alert", null, "标题"), "c1", 0, null);
        awaitFinal(sent);
        DeliveryReceipt r = contexts.get("cucc").of(sent.get("cucc").id(), DispatchState.DELIVERED).get(0);
        assertThat(r.units()).isEqualTo(13);
        assertThat(r.failedUnits()).containsExactlyInAnyOrder("cucc-440113-2", "cucc-440113-3");
    }

    @Test
    void anUnansweredCreateIsRetriedAndTheConflictReadAsOurs() {
        CbcSimulator sim = cbcs.get("cmcc");
        sim.faults().noReply(1, true);
        Map<String, Dispatch> sent = offerAll(DispatchAction.SEND, Alerts.typhoon("d1", "Actual", "Alert", null, "标题"), "d1", 0, null);
        awaitFinal(sent);
        assertThat(contexts.get("cmcc").of(sent.get("cmcc").id(), DispatchState.DELIVERED)).hasSize(1);
        assertThat(sim.counters().conflicts.get()).isGreaterThanOrEqualTo(1);
        assertThat(sim.message(4371)).isPresent();
        assertThat(sim.message(4384)).isPresent();
    }

    @Test
    void serverErrorsAndADeadPrimaryFailOverToTheSecondary() {
        cbcs.get("cmcc").faults().failNext(1, 503);
        cbcs.get("ctcc").endpoint(0).stop();
        Map<String, Dispatch> sent = offerAll(DispatchAction.SEND, Alerts.typhoon("e1", "Actual", "Alert", null, "标题"), "e1", 0, null);
        awaitFinal(sent);
        for (String carrier : CARRIERS) {
            assertThat(contexts.get(carrier).of(sent.get(carrier).id(), DispatchState.DELIVERED)).as(carrier).hasSize(1);
            assertThat(cbcs.get(carrier).message(4371)).isPresent();
        }
        assertThat(connectors.get("ctcc").endpoints().endpoints().get(0).up()).isFalse();
    }

    @Test
    void textBeyondFifteenPagesIsRejectedAndTheRenderingSaysSo() {
        Alert tooLong = Alerts.withInfoText(Alerts.typhoon("f1", "Actual", "Alert", null, "标题"), "风".repeat(700));
        CellBroadcastConnector c = connectors.get("cmcc");

        List<Rendering> r = c.render(tooLong);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).fits()).isFalse();
        assertThat(r.get(0).budget()).isEqualTo(15);
        assertThat(r.get(0).detail()).contains("does not fit");
        // Encoded off the engine's thread: the offer is taken, the dispatch ends FAILED with the reason, nothing is sent.
        Dispatch d = dispatch("cmcc", DispatchAction.SEND, tooLong, "f1", 0, null);
        assertThat(c.offer(d)).isEqualTo(SendResult.ACCEPTED);
        await().atMost(Duration.ofSeconds(10)).until(() -> contexts.get("cmcc").hasFinal(d.id()));
        assertThat(contexts.get("cmcc").of(d.id(), DispatchState.FAILED)).singleElement()
                .satisfies(receipt -> assertThat(receipt.reason()).contains("does not fit"));
        assertThat(c.lastRejection()).contains("does not fit");
        assertThat(c.inFlight()).isZero();
        assertThat(cbcs.get("cmcc").counters().posts.get()).isZero();
    }

    @Test
    void renderShowsPagesAndIdentifiersPerLanguage() {
        List<Rendering> r = connectors.get("cmcc").render(Alerts.typhoon("g1", "Actual", "Alert", null, Alerts.ZH_HEADLINE));
        assertThat(r).extracting(Rendering::language).containsExactly("zh-CN", "en-US");
        assertThat(r.get(0).units()).isEqualTo(3);
        assertThat(r.get(0).detail()).contains("message id 4371", "DCS 0x48", "UCS2");
        assertThat(r.get(1).units()).isEqualTo(3);
        assertThat(r.get(1).detail()).contains("message id 4384", "DCS 0x1", "GSM7");
    }

    @Test
    void refusesOtherCarriersTargets() {
        Dispatch d = dispatch("cucc", DispatchAction.SEND, Alerts.typhoon("h1", "Actual", "Alert", null, "标题"), "h1", 0, null);
        assertThat(connectors.get("cmcc").offer(d)).isEqualTo(SendResult.REJECTED);
    }
}
