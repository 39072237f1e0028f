package io.tocsin.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tocsin.cap.Area;
import io.tocsin.cap.NamedValue;
import io.tocsin.cli.EngineHost;
import io.tocsin.config.ConfigLoader;
import io.tocsin.config.ConnectorConfig;
import io.tocsin.config.LimitsConfig;
import io.tocsin.config.JournalConfig;
import io.tocsin.config.TocsinConfig;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.ledger.DeliveryView;
import io.tocsin.ledger.RegionDelivery;
import io.tocsin.targeting.GeographyShapes;
import io.tocsin.targeting.Targeting;
import io.tocsin.targeting.coverage.Coverage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator console of the REAL engine in a real headless Chromium: the demo's world (three simulated SMSCs
 * rate-capped so progress is visible, three CBCs, playout, radio drops; {@link DemoWorld}) behind
 * {@link EngineHost} with the demo keys and Guangzhou geography. The page signs in, watches the sample red
 * typhoon warning reach 100% on every channel live over SSE, shows per-region delivery and the blind spots,
 * marks an exercise, rejects a pending alert with a reason, cancels a city-wide alert through the confirmation
 * that names it and its reach and sees it stop; screenshots go to {@code target/console*.png}. An alert that was
 * already waiting for approval before any page opened is listed from {@code GET /api/v1/approvals} even with
 * the live stream blocked, and exercise cards are checked as the browser paints them (computed styles). The numbers the
 * page shows are checked against the ledger, the coverage estimate and the simulators.
 *
 * <p>Needs Debian {@code chromium} and {@code node} (npm {@code playwright-core} from the committed lock file,
 * installed on first run); skips with a message when any is missing.
 */
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path BROWSER_DIR = Path.of("src/test/browser");
    static final String OPERATOR = "demo-operator-duty";
    static final String CITY = DemoCommand.CITY_KEY;
    static final String DRILL = "demo-gz-drill-office";
    static final String TIANHE = "demo-gz-tianhe-emergency";
    static final int SMS_PER_SECOND = 50;
    static final List<String> ALL_DISTRICTS = List.of("440103", "440104", "440105", "440106", "440111", "440112",
            "440113", "440114", "440115", "440117", "440118");

    @TempDir
    Path data;

    @Test
    @Timeout(400)
    void operatorWatchesTheSampleAlertCompleteRejectsOneAndCancelsAnother() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed (apt-get install -y chromium); skipping");
        assumeTrue(run(List.of("node", "--version"), BROWSER_DIR, 30).exit() == 0,
                "node not installed (apt-get install -y nodejs npm); skipping");
        ensurePlaywright();

        Path root = Path.of(System.getProperty("tocsin.root", "..")).toAbsolutePath().normalize();
        TocsinConfig config = new ConfigLoader().load(root.resolve("config/demo.yaml"));
        config = config.withServer(config.server().withPort(0))
                .withJournal(new JournalConfig(data.resolve("journal").toString(), false));
        Targeting targeting = Targeting.demo(root.resolve("config/geo"), 3_000, 200, 20261129L);
        Path target = Path.of("target").toAbsolutePath();
        byte[] sample = DemoAlert.current(root.resolve("config/demo/typhoon-red.xml"), ZonedDateTime.now());
        String template = new String(sample, StandardCharsets.UTF_8);
        Map<String, Map<String, String>> alerts = new LinkedHashMap<>();
        alerts.put("exercise", alert(DRILL, write("exercise.xml", variant(template, "1",
                "Exercise", "Extreme", "red", "【演习】广州市台风红色预警演练", "[EXERCISE] Typhoon drill", ALL_DISTRICTS))));
        alerts.put("pending", alert(TIANHE, write("pending.xml", variant(template, "2", "Actual", "Severe", "orange",
                "天河区暴雨橙色预警", "Orange rainstorm warning for Tianhe", List.of("440106")))));
        alerts.put("fast", alert(CITY, write("fast.xml", template)));
        alerts.put("slow", alert(CITY, write("slow.xml", variant(template, "3", "Actual", "Severe", "orange",
                "广州市暴雨橙色预警", "Orange rainstorm warning for Guangzhou", ALL_DISTRICTS))));

        try (DemoWorld world = DemoWorld.start(targeting, data, SMS_PER_SECOND);
             EngineHost host = EngineHost.start(config.withConnectors(smsWindowOnly(world.connectors)),
                     targeting.resolver(),
                     new GeographyShapes(targeting.geography()), Clock.systemUTC(), List.of())) {
            Map<String, Object> args = Map.of("base", "http://127.0.0.1:" + host.port(), "operatorKey", OPERATOR,
                    "shotDir", target.toString(), "alerts", alerts);
            Path argsFile = data.resolve("browser-test.json");
            new ObjectMapper().writeValue(argsFile.toFile(), args);
            Result r = run(List.of("node", "console-check.mjs", argsFile.toString()), BROWSER_DIR, 360);
            System.out.println(r.output());
            ids(r.output()).forEach((name, id) -> host.engine().ledger().delivery(id).ifPresent(d -> d.channels()
                    .forEach((channel, v) -> System.out.println(name + " " + id + " " + channel + ": hand-overs "
                            + v.firstDispatch() + " .. " + v.lastDispatch() + ", last accepted " + v.lastAccepted()
                            + ", last delivered " + v.lastDelivered()))));
            assertThat(r.exit()).as(r.output()).isZero();
            assertThat(r.output()).contains("PASS approvals-before-open", "PASS login-and-live-stream duty-officer",
                    "PASS exercise-marked", "PASS exercise-styled", "PASS approvals-listed", "PASS exercise-banner",
                    "PASS reject-with-reason",
                    "PASS confirmation-names-alert-and-reach", "PASS cancel-stops", "PASS language-toggle",
                    "PASS offline", "PASS no-page-errors").doesNotContain("FAIL");
            Map<String, String> ids = ids(r.output());

            // 100% on every channel the fast alert used, as the ledger says.
            AlertView fast = host.engine().ledger().alert(ids.get("fast")).orElseThrow();
            assertThat(fast.channels().keySet()).contains("SMS", "CELL_BROADCAST", "RADIO", "TV");
            assertThat(r.output()).contains("PASS progress-100 ");
            for (String channel : fast.channels().keySet()) {
                assertThat(line(r.output(), "PASS progress-100 ")).contains(channel + "=100%");
            }
            // The map's per-region numbers are the ledger's delivered counts per region.
            DeliveryView delivery = host.engine().ledger().delivery(ids.get("fast")).orElseThrow();
            assertThat(delivery.regions()).containsKeys("440115", "440113");
            for (Map.Entry<String, RegionDelivery> e : delivery.regions().entrySet()) {
                assertThat(e.getValue().delivered()).isPositive();
                assertThat(line(r.output(), "PASS map-region-delivery ")).contains(
                        e.getKey() + "=" + e.getValue().delivered() + "/" + e.getValue().planned());
            }
            // The blind spots drawn are the coverage estimate's (capped at 3000 cells).
            List<NamedValue> sampleAreas = List.of("440115", "440113").stream()
                    .map(d -> new NamedValue("CPEAS Geographic Code", d + "000000")).toList();
            Coverage coverage = targeting.coverage(0, List.of(new Area("sample", List.of(), List.of(), sampleAreas,
                    null, null)));
            assertThat(line(r.output(), "PASS map-blind-spots ")).startsWith(
                    "PASS map-blind-spots cells=" + Math.min(3000, coverage.blindSpots().size()) + " ");

            // The rejected one is REJECTED; the cancelled one stopped at the carriers too.
            assertThat(host.engine().ledger().alert(ids.get("pending")).orElseThrow().state())
                    .isEqualTo(AlertState.REJECTED);
            AlertView slow = host.engine().ledger().alert(ids.get("slow")).orElseThrow();
            ChannelCounters sms = slow.channels().get("SMS");
            assertThat(slow.state()).isEqualTo(AlertState.CANCELLED);
            assertThat(sms.cancelled()).isPositive();
            assertThat(sms.delivered()).isLessThan(sms.planned());
            long atCarriers = world.smscs.values().stream().mapToLong(s -> s.inbox().messages()).sum();
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                    world.smscs.values().stream().mapToLong(s -> s.inbox().messages()).sum() == atCarriers);
            assertThat(Files.size(target.resolve("console.png"))).isGreaterThan(50_000);
        }
    }

    /**
     * The SMS connectors with at most their binds' window (4 binds x 32) handed over at a time. The demo lets
     * 4,096 wait inside each connector, and a cancel withdraws only what the engine still queues: those 4,096
     * would still go out after the operator cancelled.
     */
    private static List<ConnectorConfig> smsWindowOnly(List<ConnectorConfig> connectors) {
        return connectors.stream().map(c -> !c.kind().equals("SMS") ? c : new ConnectorConfig(c.name(), c.type(),
                c.kind(), c.enabled(), c.carrier(), new LimitsConfig((double) SMS_PER_SECOND, null, 128, null),
                c.settings())).toList();
    }

    private static Map<String, String> alert(String key, Path file) {
        return Map.of("key", key, "file", file.toString());
    }

    private Path write(String name, String xml) throws IOException {
        return Files.writeString(data.resolve(name), xml, StandardCharsets.UTF_8);
    }

    /** The sample alert with another identifier, status, severity, colour, headlines and districts. */
    static String variant(String sample, String n, String status, String severity, String colour, String headlineZh,
                          String headlineEn, List<String> districts) {
        StringBuilder geocodes = new StringBuilder();
        for (String d : districts) {
            geocodes.append("<geocode><valueName>CPEAS Geographic Code</valueName><value>").append(d)
                    .append("000000</value></geocode>\n");
        }
        return sample.replaceFirst("<identifier>(\\d{13})\\d_", "<identifier>$1" + n + "_")
                .replace("<status>Actual</status>", "<status>" + status + "</status>")
                .replace("<severity>Extreme</severity>", "<severity>" + severity + "</severity>")
                .replace("<value>red</value>", "<value>" + colour + "</value>")
                .replace("<eventCode><valueName>SAME</valueName><value>HUW</value></eventCode>", "")
                .replaceAll("<headline>[^<]*[\\u4e00-\\u9fff][^<]*</headline>", "<headline>" + headlineZh + "</headline>")
                .replaceAll("<headline>[A-Z][^<]*</headline>", "<headline>" + headlineEn + "</headline>")
                .replaceAll("<areaDesc>[^<]*[\\u4e00-\\u9fff][^<]*</areaDesc>", "<areaDesc>" + headlineZh.replaceAll(
                        "(暴雨|台风).*", "") + "</areaDesc>")
                .replaceAll("<areaDesc>[A-Z][^<]*</areaDesc>", "<areaDesc>" + districts.size() + " districts</areaDesc>")
                .replaceAll("(?s)<geocode>.*?</geocode>\\s*(?=<geocode>|</area>)", "")
                .replace("</area>", geocodes + "</area>");
    }

    private static Map<String, String> ids(String output) {
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^ID (\\w+) (\\S+)$").matcher(output);
        while (m.find()) {
            ids.put(m.group(1), m.group(2));
        }
        return ids;
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
    }

    private static void ensurePlaywright() throws Exception {
        if (Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))) {
            return;
        }
        Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"), BROWSER_DIR, 300);
        assumeTrue(npm.exit() == 0, "npm ci failed (offline?); skipping:\n" + npm.output());
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command, Path dir, long timeoutSeconds) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException notFound) {
            return new Result(-1, notFound.getMessage());
        }
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            reader.join(Duration.ofSeconds(5).toMillis());
            return new Result(-2, "timed out after " + timeoutSeconds + " s\n" + out);
        }
        reader.join(Duration.ofSeconds(5).toMillis());
        return new Result(p.exitValue(), out.toString());
    }
}
