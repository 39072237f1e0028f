package io.tocsin.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tocsin.cli.EngineHost;
import io.tocsin.config.ConfigLoader;
import io.tocsin.config.TocsinConfig;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.sim.cbc.CbcSimulator;
import io.tocsin.sim.smpp.SmscSimulator;
import io.tocsin.targeting.GeographyShapes;
import io.tocsin.targeting.Targeting;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The after-action report of a real engine run against the demo's simulated carriers (three SMSCs, three
 * CBCs, playout, radio drops): its counts equal what the simulators received.
 */
@Timeout(180)
class AfterActionReportSimulatorTest {
    static final String OPERATOR_KEY = "demo-operator-duty";

    @TempDir
    Path data;

    @Test
    void theReportsCountsEqualTheSimulatorsCounts() throws Exception {
        Path root = Path.of(System.getProperty("tocsin.root", "..")).toAbsolutePath().normalize();
        TocsinConfig config = new ConfigLoader().load(root.resolve("config/demo.yaml"));
        config = config.withServer(config.server().withPort(0)).withBaseDir(data);
        Targeting targeting = Targeting.demo(root.resolve("config/geo"), 20_000, 200, 20261129L);
        try (DemoWorld world = DemoWorld.start(targeting, data, 0);
             EngineHost host = EngineHost.start(config.withConnectors(world.connectors), targeting.resolver(),
                     new GeographyShapes(targeting.geography()), Clock.systemUTC(), List.of())) {
            String base = "http://127.0.0.1:" + host.port();
            HttpClient http = HttpClient.newHttpClient();
            byte[] body = DemoAlert.current(root.resolve("config/demo/typhoon-red.xml"), ZonedDateTime.now());
            HttpResponse<String> pushed = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                    .header("Authorization", "Bearer " + DemoCommand.CITY_KEY)
                    .header("Content-Type", "application/cap+xml")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(pushed.statusCode()).isEqualTo(202);
            String id = new ObjectMapper().readTree(pushed.body()).path("id").asText();

            await().atMost(Duration.ofSeconds(120)).until(() -> {
                AlertView v = host.engine().ledger().alert(id).orElse(null);
                if (v == null || v.channels().get("SMS") == null) {
                    return false;
                }
                ChannelCounters sms = v.channels().get("SMS");
                long smscMessages = world.smscs.values().stream().mapToLong(s -> s.inbox().messages()).sum();
                return v.state().name().equals("DONE") && sms.delivered() + sms.failed() == sms.planned()
                        && smscMessages == sms.planned();
            });

            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts/" + id
                    + "/report")).header("Authorization", "Bearer " + OPERATOR_KEY).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode report = new ObjectMapper().readTree(answer.body());

            long smscMessages = world.smscs.values().stream().mapToLong(s -> s.inbox().messages()).sum();
            long smscRecipients = world.smscs.values().stream().mapToLong(s -> s.inbox().recipients()).sum();
            long smscDuplicates = world.smscs.values().stream().mapToLong(s -> s.inbox().duplicates()).sum();
            JsonNode sms = report.path("channels").path("SMS");
            assertThat(smscMessages).isPositive();
            assertThat(sms.path("planned").asLong()).isEqualTo(smscMessages);
            assertThat(sms.path("delivered").asLong()).isEqualTo(smscMessages);
            assertThat(report.path("reach").path("smsRecipients").asLong()).isEqualTo(smscRecipients);
            assertThat(smscDuplicates).isZero();
            assertThat(sms.path("duplicateReceipts").asLong()).isZero();
            JsonNode smsTimes = report.path("timeline").path("SMS").path("msToDelivered");
            assertThat(smsTimes.path("100%").isNumber()).isTrue();
            assertThat(smsTimes.path("50%").asLong()).isLessThanOrEqualTo(smsTimes.path("90%").asLong());

            // delivered reach per region (from receipts, not the estimate) equals what the SMSCs received there
            var directory = targeting.directory();
            java.util.Map<String, String> regionOf = new java.util.HashMap<>();
            for (int i = 0; i < directory.size(); i++) {
                regionOf.put(Long.toString(directory.msisdn(i)), directory.regionCode(i));
            }
            java.util.Map<String, Long> simulatorsByRegion = new java.util.TreeMap<>();
            world.smscs.values().forEach(smsc -> smsc.inbox().counts().forEach((msisdn, n) ->
                    simulatorsByRegion.merge(regionOf.getOrDefault(msisdn.replaceFirst("^\\+", ""), "?"), (long) n,
                            Long::sum)));
            java.util.Map<String, Long> reportByRegion = new java.util.TreeMap<>();
            report.path("reach").path("smsDeliveredByRegion").fields().forEachRemaining(e ->
                    reportByRegion.put(e.getKey(), e.getValue().path("delivered").asLong()));
            assertThat(simulatorsByRegion).doesNotContainKey("?").hasSizeGreaterThan(1);
            assertThat(reportByRegion).isEqualTo(simulatorsByRegion);
            assertThat(report.path("reach").path("smsDelivered").asLong()).isEqualTo(smscMessages);
            report.path("reach").path("regions").forEach(row -> assertThat(row.path("smsDelivered").asLong())
                    .isEqualTo(simulatorsByRegion.getOrDefault(row.path("region").asText(), 0L)));

            // one dispatch per carrier; each CBC holds one broadcast message per language of the alert
            long cbcMessages = world.cbcs.values().stream().filter(c -> !c.store().messages().isEmpty()).count();
            JsonNode cb = report.path("channels").path("CELL_BROADCAST");
            assertThat(cbcMessages).isPositive();
            assertThat(cb.path("planned").asLong()).isEqualTo(cbcMessages);
            assertThat(cb.path("accepted").asLong() + cb.path("delivered").asLong()).isEqualTo(cbcMessages);
            assertThat(report.path("reach").path("population").asLong()).isPositive();
            assertThat(report.path("reach").path("regions").size()).isPositive();

            HttpResponse<String> html = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts/" + id
                    + "/report?format=html")).header("Authorization", "Bearer " + OPERATOR_KEY).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(html.body()).contains("After-action report: " + id).contains("blind Spot People");
        }
    }
}
