package io.tocsin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The operator console in a real headless Chromium: logs in, watches an alert reach 100% over SSE, cancels
 * another through the confirmation and sees it stop, and leaves screenshots in {@code target/}. Needs Debian
 * {@code chromium} and {@code node}; installs npm {@code playwright-core} from the committed lock file on
 * first run. Skips with a message when any of these is missing.
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path BROWSER_DIR = Path.of("src/test/browser");

    @Test
    @Timeout(240)
    void operatorWatchesAnAlertCompleteAndCancelsAnother() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed (apt-get install -y chromium); skipping");
        assumeTrue(run(List.of("node", "--version"), BROWSER_DIR, 30).exit() == 0, "node not found; skipping");
        ensurePlaywright();

        Path work = Files.createDirectories(Path.of("target", "browser-test"));
        Path fast = work.resolve("fast.xml");
        Path slow = work.resolve("slow.xml");
        Files.writeString(fast, cap("browser-fast", "暴雨橙色预警 Orange rainstorm warning", "Severe", "orange",
                "Exercise", 400, 40, "440106000000", "440104000000"));
        Files.writeString(slow, cap("browser-slow", "台风红色预警 Red typhoon warning", "Extreme", "red",
                "Actual", 1_000_000, 25, "440115000000", "440113000000"));

        SimulatedEngine engine = new SimulatedEngine(Clock.systemUTC());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(engine::tick, 100, 100, TimeUnit.MILLISECONDS);
        Geography geo = Files.exists(GeographyTest.corpusGeo())
                ? Geography.load(GeographyTest.corpusGeo(), 0.003) : Geography.empty();
        try (Console console = new Console(engine, new Metrics(), ConsoleTestServer.operators(), geo,
                Clock.systemUTC(), null);
             ConsoleTestServer server = new ConsoleTestServer(engine, console)) {
            console.start();
            Result r = run(List.of("node", "console-check.mjs", server.baseUrl(), ConsoleTestServer.OPERATOR_KEY,
                    ConsoleTestServer.PUBLISHER_KEY, Path.of("target").toAbsolutePath().toString(),
                    fast.toAbsolutePath().toString(), slow.toAbsolutePath().toString()), BROWSER_DIR, 180);
            System.out.println(r.output());
            assertThat(r.exit()).as(r.output()).isZero();
            assertThat(r.output()).contains("PASS login-and-live-stream", "PASS progress-100 SMS=100%,CELL_BROADCAST=100%",
                    "PASS map-targets 440104,440106", "PASS confirmation-names-alert-and-reach", "PASS cancel-stops",
                    "PASS offline", "PASS no-page-errors").doesNotContain("FAIL");
            assertThat(Files.size(Path.of("target", "console.png"))).isGreaterThan(20_000);
        } finally {
            ticker.shutdownNow();
        }
    }

    private static void ensurePlaywright() throws Exception {
        if (Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))) {
            return;
        }
        Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), BROWSER_DIR, 300);
        assumeTrue(npm.exit() == 0, "npm ci failed (offline?); skipping:\n" + npm.output());
    }

    private static String cap(String id, String headline, String severity, String colour, String status,
                              long planned, long perTick, String... geocodes) {
        StringBuilder areas = new StringBuilder();
        for (String g : geocodes) {
            areas.append("<geocode><valueName>CPEAS Geographic Code</valueName><value>").append(g)
                    .append("</value></geocode>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
                + "<identifier>" + id + "</identifier><sender>Guangzhou_Meteorological_Observatory</sender>"
                + "<sent>2026-11-29T09:30:00+08:00</sent><status>" + status + "</status><msgType>Alert</msgType>"
                + "<scope>Public</scope><info><language>zh-CN</language><category>Met</category>"
                + "<event>" + headline.split(" ")[0] + "</event><urgency>Immediate</urgency><severity>" + severity
                + "</severity><certainty>Observed</certainty><headline>" + headline + "</headline>"
                + "<description>browser test</description>"
                + "<parameter><valueName>color</valueName><value>" + colour + "</value></parameter>"
                + "<parameter><valueName>planned</valueName><value>" + planned + "</value></parameter>"
                + "<parameter><valueName>perTick</valueName><value>" + perTick + "</value></parameter>"
                + "<area><areaDesc>" + id + "</areaDesc>" + areas + "</area></info></alert>";
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
                // process ended
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
