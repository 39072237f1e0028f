package io.tocsin.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tocsin.config.ConnectorConfig;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.sim.cbc.CbcEndpoint;
import io.tocsin.sim.cbc.CbcSimulator;
import io.tocsin.sim.icecast.IcecastServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peers other than SMSCs going away under a real engine: a carrier's whole CBC (both front ends refuse
 * connections) and the Icecast server the radio connector streams to. The engine keeps taking alerts,
 * {@code /health} names the broken peer, and the queued work goes out by itself when the peer is back.
 */
@Timeout(120)
class PeerFaultCampaignTest {
    @TempDir
    Path data;
    private FaultRig rig;
    private IcecastServer icecast;

    @AfterEach
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
        if (icecast != null) {
            icecast.close();
        }
    }

    @Test
    void aCarriersCbcRefusingConnectionsIsReportedDownAndGetsTheBroadcastWhenItIsBack() throws Exception {
        rig = FaultRig.start(data, Set.of("CELL_BROADCAST"), c -> c);
        await().atMost(Duration.ofSeconds(20)).until(() -> rig.health().path("status").asText().equals("UP"));
        CbcSimulator cmcc = rig.world.cbcs.get("cmcc");

        cmcc.endpoint(0).stop(); // primary gone: the secondary carries on
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.connectorStatus("cbc-cmcc").equals("DEGRADED"));
        cmcc.endpoints().forEach(CbcEndpoint::stop); // the whole CBC gone
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.connectorStatus("cbc-cmcc").equals("DOWN"));
        String id = rig.submit();
        await().atMost(Duration.ofSeconds(20)).until(() -> rig.world.cbcs.get("cucc").store().messages().size() > 0
                && rig.world.cbcs.get("ctcc").store().messages().size() > 0);
        JsonNode health = rig.health();
        assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.path("connectors").path("cbc-cmcc").path("detail").asText()).contains("down");
        assertThat(cmcc.store().messages()).isEmpty();
        assertThat(rig.settled(id, "CELL_BROADCAST", true)).as("cmcc's dispatch still waits").isFalse();

        long back = System.nanoTime();
        cmcc.endpoints().forEach(CbcEndpoint::start);
        await().atMost(Duration.ofSeconds(30)).until(() -> rig.settled(id, "CELL_BROADCAST", true));
        long ms = (System.nanoTime() - back) / 1_000_000;
        ChannelCounters cb = rig.counters(id, "CELL_BROADCAST");
        assertThat(cb.accepted() + cb.delivered()).as("%s", cb).isEqualTo(cb.planned());
        assertThat(cmcc.store().messages()).isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.connectorStatus("cbc-cmcc").equals("UP"));
        System.out.printf("FAULT cbc-down: cmcc CBC refused connections; alert taken (202), other carriers"
                + " served; broadcast installed on cmcc %d ms after its CBC came back%n", ms);
    }

    @Test
    void icecastGoneLeavesTheRadioDegradedAndTheAlertAirsWhenItReturnsWithoutAReplayStorm() throws Exception {
        assumeTrue(IcecastServer.installed(), "icecast2 is not installed (apt-get install -y icecast2): skipped");
        icecast = new IcecastServer(data);
        rig = FaultRig.start(data, Set.of("RADIO"), c -> {
            for (ConnectorConfig cc : c.connectors()) {
                ObjectNode s = (ObjectNode) cc.settings();
                s.putObject("tts").put("enabled", false);
                s.put("streamSpeed", 40.0);
                Iterator<Map.Entry<String, JsonNode>> it = s.path("transmitters").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> t = it.next();
                    ObjectNode tx = (ObjectNode) t.getValue();
                    tx.remove("dropDir");
                    tx.putObject("icecast").put("url", icecast.url("/" + t.getKey() + ".wav"))
                            .put("user", "source").put("password", IcecastServer.PASSWORD);
                }
            }
            return c;
        });
        String first = rig.submit();
        awaitAired(first, Duration.ofSeconds(30));
        assertThat(rig.counters(first, "RADIO").delivered()).isEqualTo(rig.counters(first, "RADIO").planned());

        icecast.stop();
        String id = rig.submit();
        await().atMost(Duration.ofSeconds(15)).until(() -> rig.connectorStatus("radio-guangzhou").equals("DEGRADED"));
        assertThat(rig.health().path("connectors").path("radio-guangzhou").path("detail").asText())
                .contains("unreachable");
        long records = rig.host.engine().metrics().journalRecords();
        long outage = System.nanoTime();
        // for 2 s of outage the retries stay paced: no hot loop of journal writes
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> rig.host.engine().metrics().journalRecords() - records < 200);
        long retries = rig.host.engine().metrics().journalRecords() - records;
        assertThat(rig.submit()).as("still taking alerts").isNotBlank();

        long back = System.nanoTime();
        icecast.start();
        awaitAired(id, Duration.ofSeconds(40));
        long ms = (System.nanoTime() - back) / 1_000_000;
        ChannelCounters radio = rig.counters(id, "RADIO");
        assertThat(radio.delivered()).as("%s %s", radio, rig.host.engine().ledger().delivery(id)
                .map(d -> d.channels().get("RADIO")).orElse(null)).isEqualTo(radio.planned());
        // UP once every transmitter has aired again and the engine has taken the receipts (slow on a loaded box).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .conditionEvaluationListener(e -> {
                    if (!e.isSatisfied() && e.getElapsedTimeInMS() > 15_000) {
                        System.out.println("radio health: " + rig.health().path("connectors").path("radio-guangzhou"));
                    }
                })
                .until(() -> rig.connectorStatus("radio-guangzhou").equals("UP"));
        System.out.printf("FAULT icecast-gone: %d journal records of retries in 2 s of outage (%d ms measured);"
                + " all %d transmitters aired %d ms after Icecast was back%n", retries,
                (back - outage) / 1_000_000, radio.planned(), ms);
    }

    /**
     * Waits until every transmitter's dispatch of the alert is final; on timeout, says what the engine and Icecast
     * saw (a CI run once timed out here with nothing in its log to tell why).
     */
    private void awaitAired(String id, Duration atMost) throws IOException {
        try {
            await().atMost(atMost).until(() -> rig.settled(id, "RADIO", false));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not aired within " + atMost + ": " + rig.explain(id) + "\nicecast running: "
                    + icecast.running() + "\n" + icecast.logTail(20), e);
        }
    }
}
