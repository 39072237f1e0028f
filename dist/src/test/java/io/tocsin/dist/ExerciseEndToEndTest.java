package io.tocsin.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tocsin.cli.EngineHost;
import io.tocsin.config.ConfigLoader;
import io.tocsin.config.ConnectorConfig;
import io.tocsin.config.TocsinConfig;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.sim.cbc.CbcBroadcast;
import io.tocsin.sim.playout.AmcpSimulator;
import io.tocsin.targeting.GeographyShapes;
import io.tocsin.targeting.Targeting;
import io.tocsin.targeting.directory.SubscriberDirectory;
import io.tocsin.targeting.directory.SubscriberGroup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Exercise through the real engine and every connector reaches only drill targets, asserted in each
 * simulator: SMS only to the directory's exercise/test groups, cell broadcast only under the exercise message
 * identifiers, radio only to the transmitter marked {@code testOutput}, TV only to the station marked
 * {@code testOutput} (its own playout simulator); the public playout gets nothing.
 */
@Timeout(180)
class ExerciseEndToEndTest {
    static final String DRILL_KEY = "demo-gz-drill-office";

    @TempDir
    Path data;

    @Test
    void anExerciseReachesOnlyDrillGroupsExerciseIdsAndTestOutputs() throws Exception {
        Path root = Path.of(System.getProperty("tocsin.root", "..")).toAbsolutePath().normalize();
        TocsinConfig config = new ConfigLoader().load(root.resolve("config/demo.yaml"));
        config = config.withServer(config.server().withPort(0)).withBaseDir(data);
        Targeting targeting = Targeting.demo(root.resolve("config/geo"), 20_000, 200, 20261129L);
        try (DemoWorld world = DemoWorld.start(targeting, data, 0);
             AmcpSimulator testPlayout = AmcpSimulator.start(0)) {
            String testRadio = null;
            String testTv = null;
            for (ConnectorConfig c : world.connectors) {
                if (c.kind().equals("RADIO")) {
                    Iterator<Map.Entry<String, JsonNode>> it = c.settings().path("transmitters").fields();
                    Map.Entry<String, JsonNode> first = it.next();
                    testRadio = first.getKey();
                    ((ObjectNode) first.getValue()).put("testOutput", true);
                } else if (c.kind().equals("TV")) {
                    Iterator<Map.Entry<String, JsonNode>> it = c.settings().path("stations").fields();
                    Map.Entry<String, JsonNode> first = it.next();
                    testTv = first.getKey();
                    ((ObjectNode) first.getValue()).put("testOutput", true).put("port", testPlayout.port());
                }
            }
            try (EngineHost host = EngineHost.start(config.withConnectors(world.connectors), targeting.resolver(),
                    new GeographyShapes(targeting.geography()), Clock.systemUTC(), List.of())) {
                String xml = new String(DemoAlert.current(root.resolve("config/demo/typhoon-red.xml"),
                        ZonedDateTime.now()), StandardCharsets.UTF_8).replace("<status>Actual</status>",
                        "<status>Exercise</status>");
                HttpResponse<String> pushed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + host.port() + "/api/v1/alerts"))
                        .header("Authorization", "Bearer " + DRILL_KEY).header("Content-Type", "application/cap+xml")
                        .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
                String id = new ObjectMapper().readTree(pushed.body()).path("id").asText();
                await().atMost(Duration.ofSeconds(120)).until(() -> {
                    AlertView v = host.engine().ledger().alert(id).orElse(null);
                    return v != null && v.state() == AlertState.DONE && v.channels().values().stream()
                            .allMatch(c -> c.submitted() == 0 && c.accepted() + c.delivered() + c.failed()
                                    + c.expired() + c.cancelled() + c.unknown() == c.planned());
                });
            }

            // SMS: every handset that got it is in an exercise/test group
            SubscriberDirectory dir = targeting.directory();
            Map<String, Integer> groups = new HashMap<>();
            for (int i = 0; i < dir.size(); i++) {
                groups.put(Long.toString(dir.msisdn(i)), dir.groups(i));
            }
            long handsets = 0;
            for (var smsc : world.smscs.values()) {
                for (String msisdn : smsc.inbox().counts().keySet()) {
                    handsets++;
                    assertThat(groups.get(msisdn)).as("groups of " + msisdn).isNotNull()
                            .matches(g -> (g & SubscriberGroup.DRILL_MASK) != 0, "an exercise or test group");
                }
            }
            assertThat(handsets).as("some drill handsets in the area").isPositive();

            // Cell broadcast: only the exercise message identifiers
            long broadcasts = 0;
            for (var cbc : world.cbcs.values()) {
                for (CbcBroadcast b : cbc.store().messages()) {
                    broadcasts++;
                    assertThat(b.messageId()).isIn(4381, 4394);
                }
            }
            assertThat(broadcasts).isPositive();

            // Radio: audio only in the test transmitter's drop directory, with a SAME DMO header
            Path radio = data.resolve("radio");
            List<Path> wavs;
            try (Stream<Path> s = Files.walk(radio)) {
                wavs = s.filter(p -> p.toString().endsWith(".wav")).toList();
            }
            String testDrop = testRadio;
            assertThat(wavs).isNotEmpty().allSatisfy(p -> assertThat(p.getParent().getFileName().toString())
                    .isEqualTo(testDrop));
            if (Files.isExecutable(Path.of("/usr/bin/multimon-ng"))) {
                Process p = new ProcessBuilder("multimon-ng", "-q", "-a", "EAS", "-t", "wav", wavs.get(0).toString())
                        .redirectErrorStream(true).start();
                String decoded = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                assertThat(decoded).contains("-DMO-");
            }

            // TV: the public playout got no alert; the test station's playout did
            assertThat(world.playout.commands()).noneMatch(c -> c.contains("演习") || c.toUpperCase().contains("EXERCISE")
                    || c.contains("台风"));
            assertThat(testPlayout.commands()).anyMatch(c -> c.contains("演习") || c.toUpperCase().contains("EXERCISE"));
            assertThat(Set.of(testTv)).isNotEmpty();
        }
    }
}
