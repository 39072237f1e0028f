package io.tocsin.dist;

import io.tocsin.cli.EngineHost;
import io.tocsin.config.ConfigLoader;
import io.tocsin.config.TocsinConfig;
import io.tocsin.ledger.AlertView;
import io.tocsin.targeting.GeographyShapes;
import io.tocsin.targeting.Targeting;
import io.tocsin.targeting.TargetingOptions;
import io.tocsin.targeting.directory.DirectoryGenerator;
import io.tocsin.targeting.directory.SubscriberDirectory;
import io.tocsin.targeting.geo.Geography;
import io.tocsin.targeting.sites.SiteCatalog;
import io.tocsin.targeting.sites.SiteGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tocsin demo}: the engine on the embedded default ({@code config/demo.yaml}) with the Guangzhou demo
 * geography, a generated directory, simulated carriers (SMSC + CBC each), playout and radio drop folders,
 * all started in-process; pushes the sample red typhoon warning over HTTP, shows progress until every
 * dispatch has closed, prints the summary, then serves the console until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the engine on the embedded default (config/demo.yaml) and push a sample typhoon alert.")
final class DemoCommand implements Callable<Integer> {
    static final String CITY_KEY = "demo-gz-city-observatory";
    private static final long SEED = 20261129L;

    @Option(names = "--subscribers", description = "generated subscribers (default ${DEFAULT-VALUE})")
    int subscribers = 1_000_000;

    @Option(names = "--cells", description = "generated cell sites over the three carriers (default ${DEFAULT-VALUE})")
    int cells = 3_000;

    @Option(names = "--port", description = "HTTP port for the API and console (default ${DEFAULT-VALUE}; 0 = any)")
    int port = 8080;

    @Option(names = "--sms-tps", description = "each simulated carrier's SMS cap per second (0 = none; default ${DEFAULT-VALUE})")
    double smsTps = 0;

    @Option(names = "--alert", description = "CAP file to push (default: config/demo/typhoon-red.xml)")
    Path alert;

    @Option(names = "--no-alert", description = "start everything but push no alert")
    boolean noAlert;

    @Option(names = "--exit-when-done", description = "stop after the summary instead of serving until Ctrl-C")
    boolean exitWhenDone;

    @Option(names = "--keep-data", description = "keep ./data from the last run (its journal is replayed)")
    boolean keepData;

    @Option(names = "--timeout", description = "seconds to wait for delivery before giving up (default ${DEFAULT-VALUE})")
    int timeoutSeconds = 180;

    @Override
    public Integer call() throws Exception {
        DemoPhases phases = new DemoPhases();
        Path root = Path.of(System.getProperty("tocsin.root", ".")).toAbsolutePath().normalize();
        TocsinConfig config = new ConfigLoader().load(root.resolve("config/demo.yaml"));
        config = config.withServer(config.server().withPort(port));
        Path dataDir = config.resolve("data");
        if (!keepData) {
            wipe(dataDir);
        }
        phases.mark("config loaded, ./data wiped");
        System.out.printf("tocsin demo: generating %,d subscribers and %,d cells over Guangzhou's 11 districts...%n",
                subscribers, cells);
        Geography geography = Targeting.loadGeography(root.resolve("config/geo"), TargetingOptions.defaults());
        phases.mark("geography loaded");
        SubscriberDirectory directory = DirectoryGenerator.generate(geography.regions(), subscribers, SEED);
        phases.mark(String.format("directory generated (%,d subscribers)", subscribers));
        SiteCatalog sites = SiteGenerator.guangzhou(geography.regions(), cells, SEED + 1);
        Targeting targeting = new Targeting(geography, directory, sites, TargetingOptions.defaults());
        phases.mark("sites generated, targeting indexes built");
        try (DemoWorld world = DemoWorld.start(targeting, dataDir, smsTps)) {
            phases.mark("simulated peers started");
            config = config.withConnectors(world.connectors);
            EngineHost host = EngineHost.start(config, targeting.resolver(), new GeographyShapes(targeting.geography()),
                    Clock.systemUTC(), List.of());
            phases.mark("engine started (journal, connectors, HTTP)");
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                host.close();
                stop.countDown();
            }, "tocsin-demo-stop"));
            String base = "http://127.0.0.1:" + host.port();
            System.out.printf("tocsin demo: engine up in %.1fs — console %s/  API %s/api/v1  (%s)%n",
                    phases.elapsedSeconds(), base, base, host.engine().recovery());
            System.out.println("  simulated SMSCs: " + world.smscs.keySet() + ", CBCs: " + world.cbcs.keySet()
                    + " (primary+secondary), playout on port " + world.playout.port() + ", radio WAVs under "
                    + dataDir.resolve("radio"));
            int code = 0;
            if (!noAlert) {
                code = pushAndFollow(host, base, root, world, phases);
            }
            if (exitWhenDone) {
                host.close();
                world.close();
                phases.mark("shutdown (engine, simulated peers)");
                phases.print(System.out);
                return code;
            }
            phases.print(System.out);
            System.out.println("tocsin demo: serving " + base + "/ — press Ctrl-C to stop.");
            stop.await();
            return code;
        }
    }

    private int pushAndFollow(EngineHost host, String base, Path root, DemoWorld world, DemoPhases phases)
            throws Exception {
        Path file = alert != null ? alert : root.resolve("config/demo/typhoon-red.xml");
        byte[] body = DemoAlert.current(file, ZonedDateTime.now());
        HttpClient http = HttpClient.newHttpClient();
        long pushed = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                .header("Authorization", "Bearer " + CITY_KEY)
                .header("Content-Type", "application/cap+xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        phases.mark("alert pushed (HTTP answer)");
        System.out.printf("tocsin demo: pushed %s → HTTP %d %s (%.1f ms)%n", file.getFileName(), response.statusCode(),
                response.body(), (System.nanoTime() - pushed) / 1e6);
        if (response.statusCode() / 100 != 2) {
            return 1;
        }
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        AlertView view = null;
        long lastPrint = 0;
        DemoMilestones milestones = new DemoMilestones(phases);
        while (System.nanoTime() < deadline) {
            Optional<AlertView> v = host.engine().ledger().alert(id);
            if (v.isPresent()) {
                view = v.get();
                boolean finished = DemoProgress.finished(view);
                milestones.observe(view, finished);
                if (finished || System.nanoTime() - lastPrint > 1_000_000_000L) {
                    DemoProgress.print(System.out, view, (System.nanoTime() - pushed) / 1e9);
                    lastPrint = System.nanoTime();
                }
                if (finished) {
                    break;
                }
            }
            Thread.sleep(20); // polling the published ledger snapshot for the terminal, not a test wait
        }
        DemoSummary.print(System.out, view, world, (System.nanoTime() - pushed) / 1e9);
        phases.mark("summary printed");
        return view != null && DemoProgress.finished(view) ? 0 : 4;
    }

    private static void wipe(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
