package io.tocsin.cbs.connector;

import static io.tocsin.pipeline.testing.TestAlerts.SENT;
import static io.tocsin.pipeline.testing.TestAlerts.message;
import static io.tocsin.pipeline.testing.TestAlerts.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.connector.ReceiptSink;
import io.tocsin.pipeline.ConnectorBinding;
import io.tocsin.pipeline.Engine;
import io.tocsin.pipeline.EngineConfig;
import io.tocsin.pipeline.IntakeOutcome;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.sim.cbc.CbcSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path: engine intake → journal → planner (cells per carrier from targeting) → three cell broadcast
 * connectors → three simulated CBCs; then an Update and a Cancel as CAP messages. Measures the time from the
 * Cancel's acknowledgement (what ingress turns into 202) to every CBC having deleted the messages.
 */
@Timeout(90)
class EngineToCbcTest {

    @TempDir
    Path dir;

    @Test
    void alertUpdateAndCancelFlowFromIntakeToEveryCbc() throws Exception {
        Map<String, CbcSimulator> sims = new LinkedHashMap<>();
        Map<String, List<String>> cells = new LinkedHashMap<>();
        Map<String, ConnectorBinding> bindings = new LinkedHashMap<>();
        for (String carrier : CellBroadcastConnectorTest.CARRIERS) {
            List<String> own = CellBroadcastConnectorTest.cells(carrier, CellBroadcastConnectorTest.TARGET_DISTRICTS);
            cells.put(carrier, own);
            sims.put(carrier, new CbcSimulator(carrier, own).start(2));
            bindings.put(carrier + "-cbs", ConnectorBinding.of(carrier));
        }
        FakeResolver resolver = new FakeResolver(13800000000L, 0, List.of("cmcc"), List.of("zh-CN"), cells,
                List.of(), List.of(), 1000);
        Engine engine = new Engine(EngineConfig.defaults(dir).withBindings(bindings), resolver, Clock.systemUTC());
        List<Connector> connectors = new ArrayList<>();
        try {
            for (String carrier : CellBroadcastConnectorTest.CARRIERS) {
                JsonNode s = CellBroadcastConnectorTest.settings(carrier, sims.get(carrier));
                connectors.add(new CellBroadcastConnectorFactory().create(context(carrier + "-cbs", s, engine.receipts())));
            }
            engine.start(connectors);

            String expires = "2099-01-01T00:00:00+08:00";
            IntakeOutcome first = engine.intake().submit(submission(message("CB1", SENT, "Alert", null, "Extreme",
                    "Immediate", expires))).get(10, TimeUnit.SECONDS);
            assertThat(first.kind()).isEqualTo(IntakeOutcome.Kind.ACCEPTED);
            await().atMost(Duration.ofSeconds(20)).until(() -> sims.values().stream()
                    .allMatch(sim -> sim.message(4371).isPresent() && sim.message(4384).isPresent()));
            for (Map.Entry<String, CbcSimulator> e : sims.entrySet()) {
                assertThat(e.getValue().message(4371).orElseThrow().installedCells())
                        .containsExactlyInAnyOrderElementsOf(cells.get(e.getKey()));
                assertThat(e.getValue().message(4371).orElseThrow().message().updateNumber()).isZero();
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> engine.ledger().alert(first.alertId())
                    .map(v -> v.channels().get("CELL_BROADCAST"))
                    .map(c -> c.delivered() == 3).orElse(false));

            String ref = "gz-met@example.cn,CB1," + SENT;
            String later = "2026-11-29T10:05:00+08:00";
            assertThat(engine.intake().submit(submission(message("CB2", later, "Update", ref, "Extreme", "Immediate",
                    expires))).get(10, TimeUnit.SECONDS).kind()).isEqualTo(IntakeOutcome.Kind.ACCEPTED);
            await().atMost(Duration.ofSeconds(20)).until(() -> sims.values().stream().allMatch(sim ->
                    sim.message(4371).map(b -> b.message().updateNumber() == 1).orElse(false)
                            && sim.message(4384).map(b -> b.message().updateNumber() == 1).orElse(false)));
            int code = sims.get("cmcc").message(4371).orElseThrow().message().messageCode();
            sims.values().forEach(sim -> assertThat(sim.message(4371).orElseThrow().message().messageCode()).isEqualTo(code));

            String ref2 = "gz-met@example.cn,CB2," + later;
            IntakeOutcome cancel = engine.intake().submit(submission(message("CB3", "2026-11-29T10:10:00+08:00",
                    "Cancel", ref2, "Extreme", "Immediate", expires))).get(10, TimeUnit.SECONDS);
            long acked = System.nanoTime();
            assertThat(cancel.kind()).isEqualTo(IntakeOutcome.Kind.ACCEPTED);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(1)).until(() -> sims.values().stream()
                    .allMatch(sim -> sim.message(4371).isEmpty() && sim.message(4384).isEmpty()));
            long last = 0;
            for (CbcSimulator sim : sims.values()) {
                last = Math.max(last, Math.max(sim.store().deletedAtNanos(4371).orElseThrow(),
                        sim.store().deletedAtNanos(4384).orElseThrow()));
            }
            System.out.printf("engine: Cancel acknowledged → deleted on all 3 CBCs in %.1f ms%n", (last - acked) / 1e6);
            assertThat(Duration.ofNanos(last - acked)).isLessThan(CellBroadcastConnectorTest.CANCEL_BOUND);
            await().atMost(Duration.ofSeconds(20)).until(() -> engine.ledger().alert(cancel.alertId()).isPresent());
        } finally {
            engine.close();
            connectors.forEach(Connector::close);
            sims.values().forEach(CbcSimulator::close);
        }
    }

    private static ConnectorContext context(String name, JsonNode settings, ReceiptSink sink) {
        return ConnectorContext.of(name, settings, sink, Clock.systemUTC());
    }
}
