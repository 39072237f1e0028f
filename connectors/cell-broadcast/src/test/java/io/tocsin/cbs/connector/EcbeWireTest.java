package io.tocsin.cbs.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tocsin.cbs.CbsEncoder;
import io.tocsin.cbs.GeoScope;
import io.tocsin.cbs.SerialNumber;
import io.tocsin.cbs.ecbe.EcbeBodies;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.SendResult;
import io.tocsin.connector.Target;
import io.tocsin.sim.cbc.CbcSimulator;
import io.tocsin.sim.cbc.EcbeValidator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EcbeWireTest {

    private static CbsBroadcast broadcast(List<String> cells, GeoScope gs) {
        return new CbsBroadcast(4371, new SerialNumber(gs, 517, 2), "zh-CN",
                CbsEncoder.standard().encode("台风".repeat(50), "zh").pages(), "high_priority", 60, 715, cells);
    }

    @Test
    void plmnWideBodyIsExactlyWhatOsmoCbcAccepts() throws Exception {
        byte[] body = EcbeBodies.create("tocsin", broadcast(List.of(), GeoScope.PLMN_WIDE));
        String text = new String(body, StandardCharsets.UTF_8);

        assertThat(text).doesNotContain(EcbeBodies.CELLS_FIELD);
        assertThat(text).contains("\"scope\":{\"scope_plmn\":{}}",
                "\"serial_nr\":{\"serial_nr_decoded\":{\"geo_scope\":\"plmn_wide\",\"msg_code\":517,\"update_nr\":2}}",
                "\"payload\":{\"payload_encoded\":{\"dcs\":72,\"pages\":[");
        EcbeValidator.Result r = new EcbeValidator().validate(body);
        assertThat(r.error()).isNull();
        assertThat(r.message().pages()).hasSize(3);
        assertThat(r.message().serialNumber()).isEqualTo(new SerialNumber(GeoScope.PLMN_WIDE, 517, 2).encoded());
        assertThat(new ObjectMapper().readTree(body).fieldNames()).toIterable()
                .containsExactly("cbe_name", "category", "repetition_period", "num_of_bcast", "scope", "smscb_message");
    }

    @Test
    void cellListGoesInTheExtensionField() {
        byte[] body = EcbeBodies.create("tocsin", broadcast(List.of("a", "b"), GeoScope.CELL_WIDE));
        EcbeValidator.Result r = new EcbeValidator().validate(body);
        assertThat(r.message().cells()).containsExactly("a", "b");
        assertThat(r.message().geoScope()).isEqualTo(3);
    }

    @Test
    void deleteThenPostModeWorksAgainstACbcWithoutReplace() {
        try (CbcSimulator sim = new CbcSimulator("x").start(1)) {
            ObjectNode s = CellBroadcastConnectorTest.settings("x", sim);
            s.remove("endpoints");
            s.putArray("endpoints").add(sim.url(0));
            s.put("update_mode", "delete_then_post");
            TestContext ctx = new TestContext("x-cbs", s, CellBroadcastConnectorTest.CLOCK);
            try (CellBroadcastConnector c = (CellBroadcastConnector) new CellBroadcastConnectorFactory().create(ctx)) {
                Target plmn = new Target(ChannelKind.CELL_BROADCAST, null, "x", null, List.of(), List.of());
                assertThat(c.offer(new Dispatch(1, "u1", DispatchAction.SEND,
                        Alerts.typhoon("u1", "Actual", "Alert", null, "标题"), plmn, null, 0, null))).isEqualTo(SendResult.ACCEPTED);
                await().atMost(Duration.ofSeconds(10)).until(() -> ctx.hasFinal(1));
                assertThat(c.offer(new Dispatch(2, "u2", DispatchAction.UPDATE,
                        Alerts.typhoon("u2", "Actual", "Update", "x,u1,y", "新标题"), plmn, null, 1, "u1"))).isEqualTo(SendResult.ACCEPTED);
                await().atMost(Duration.ofSeconds(10)).until(() -> ctx.hasFinal(2));
                assertThat(sim.message(4371).orElseThrow().message().updateNumber()).isEqualTo(1);
                assertThat(sim.message(4371).orElseThrow().message().geoScope()).isEqualTo(GeoScope.PLMN_WIDE.code());
                assertThat(sim.counters().replaced.get()).isZero();
                assertThat(sim.counters().deleted.get()).isEqualTo(2);
            }
        }
    }

    @Test
    void fullWindowBackPressuresAndDeadEndpointsSayNotConnected() {
        try (CbcSimulator sim = new CbcSimulator("y").start(1)) {
            ObjectNode s = CellBroadcastConnectorTest.settings("y", sim);
            s.remove("endpoints");
            s.putArray("endpoints").add(new ObjectMapper().createObjectNode().put("url", sim.url(0)).put("max_in_flight", 2));
            sim.faults().latency(Duration.ofMillis(500));
            TestContext ctx = new TestContext("y-cbs", s, CellBroadcastConnectorTest.CLOCK);
            try (CellBroadcastConnector c = (CellBroadcastConnector) new CellBroadcastConnectorFactory().create(ctx)) {
                Target plmn = new Target(ChannelKind.CELL_BROADCAST, null, "y", null, List.of(), List.of());
                assertThat(c.offer(new Dispatch(1, "v1", DispatchAction.SEND,
                        Alerts.typhoon("v1", "Actual", "Alert", null, "标题"), plmn, null, 0, null))).isEqualTo(SendResult.ACCEPTED);
                assertThat(c.offer(new Dispatch(2, "v2", DispatchAction.SEND,
                        Alerts.typhoon("v2", "Exercise", "Alert", null, "标题"), plmn, null, 0, null))).isEqualTo(SendResult.BACK_PRESSURED);
                assertThat(c.offer(new Dispatch(3, "v3", DispatchAction.SEND,
                        Alerts.typhoon("v3", "Draft", "Alert", null, "标题"), plmn, null, 0, null))).isEqualTo(SendResult.REJECTED);
                assertThat(c.lastRejection()).contains("status Draft is not broadcast");
                await().atMost(Duration.ofSeconds(10)).until(() -> ctx.hasFinal(1));
                sim.endpoint(0).stop();
                c.endpoints().probeAll();
                assertThat(c.offer(new Dispatch(4, "v4", DispatchAction.SEND,
                        Alerts.typhoon("v4", "Exercise", "Alert", null, "标题"), plmn, null, 0, null))).isEqualTo(SendResult.NOT_CONNECTED);
                assertThat(c.health().status()).isEqualTo(io.tocsin.connector.ConnectorHealth.Status.DOWN);
            }
        }
    }
}
