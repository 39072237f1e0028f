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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    /**
     * The simulated carriers' SMS caps (submit_sm per second over the account): in proportion to their share of
     * the generated directory (60/20/20), so no carrier is left alone at the end; the SMSC answers 0x58 beyond
     * it and the connector paces itself to it. Demo figures, not any carrier's real provisioning.
     */
    static final Map<String, Double> SMS_CAPS = Map.of("cmcc", 9_000.0, "cucc", 3_000.0, "ctcc", 3_000.0);
    /** Two binds per carrier of eight submit_sm in flight each: enough on loopback, few threads on two cores. */
    static final DemoWorld.SmsLinks LINKS = new DemoWorld.SmsLinks(2, 8);

    @Option(names = "--subscribers", description = "generated subscribers (default ${DEFAULT-VALUE})")
    int subscribers = 1_000_000;

    @Option(names = "--cells", description = "generated cell sites over the three carriers (default ${DEFAULT-VALUE})")
    int cells = 3_000;

    @Option(names = "--port", description = "HTTP port for the API and console (default ${DEFAULT-VALUE}; 0 = any)")
    int port = 8080;

    @Option(names = "--sms-tps", description = "one SMS cap per second for every simulated carrier (0 = none; "
            + "default: China Mobile 9,000, China Unicom 3,000, China Telecom 3,000)")
    Double smsTps;

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
        ExecutorService boot = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tocsin-demo-boot");
            t.setDaemon(true);
            return t;
        });
        // Independent start-up work runs side by side: the configuration (and wiping ./data), then the simulated
        // peers (they need only the sites), while this thread generates the directory and builds the indexes.
        CompletableFuture<TocsinConfig> configured = CompletableFuture.supplyAsync(() -> configure(root), boot);
        boot.execute(DemoCommand::warmUp);
        System.out.printf("tocsin demo: generating %,d subscribers and %,d cells over Guangzhou's 11 districts...%n",
                subscribers, cells);
        Geography geography = Targeting.loadGeography(root.resolve("config/geo"), TargetingOptions.defaults());
        SiteCatalog sites = SiteGenerator.guangzhou(geography.regions(), cells, SEED + 1);
        phases.mark("geography loaded, sites generated");
        Map<String, Double> caps = smsCaps();
        CompletableFuture<DemoWorld> peers = configured.thenApplyAsync(c -> startPeers(sites, c, caps), boot);
        Targeting targeting;
        TocsinConfig config;
        DemoWorld started;
        try {
            SubscriberDirectory directory = DirectoryGenerator.generate(geography.regions(), subscribers, SEED);
            phases.mark(String.format("directory generated (%,d subscribers)", subscribers));
            targeting = new Targeting(geography, directory, sites, TargetingOptions.defaults());
            phases.mark("targeting indexes built");
            config = configured.join();
            started = peers.join();
        } catch (CompletionException e) {
            peers.thenAccept(DemoWorld::close);
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (RuntimeException | Error e) {
            peers.thenAccept(DemoWorld::close);
            throw e;
        } finally {
            boot.shutdown();
        }
        phases.mark("config, simulated peers ready (started alongside)");
        Path dataDir = config.resolve("data");
        try (DemoWorld world = started) {
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
            StringBuilder smscs = new StringBuilder();
            world.smscs.keySet().forEach(c -> smscs.append(smscs.length() == 0 ? "" : ", ").append(c).append(' ')
                    .append(DemoSummary.cap(world.smsCaps.getOrDefault(c, 0.0))));
            System.out.println("  simulated SMSCs (" + smscs + "; the connector paces itself to each cap, "
                    + LINKS.binds() + " binds x " + LINKS.window() + " in flight per carrier)");
            System.out.println("  CBCs: " + world.cbcs.keySet()
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

    private TocsinConfig configure(Path root) {
        try {
            TocsinConfig config = new ConfigLoader().load(root.resolve("config/demo.yaml"));
            config = config.withServer(config.server().withPort(port));
            if (!keepData) {
                wipe(config.resolve("data"));
            }
            return config;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Initialises, on the second core while the directory is generated, the classes whose static set-up the
     * engine's start would otherwise wait for (Chronicle's OS probe and queue builder take seconds here).
     */
    private static void warmUp() {
        ClassLoader loader = DemoCommand.class.getClassLoader();
        for (String name : List.of("net.openhft.chronicle.core.OS",
                "net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder",
                "io.netty.channel.MultiThreadIoEventLoopGroup", "io.netty.channel.nio.NioIoHandler",
                "com.fasterxml.jackson.dataformat.xml.XmlMapper")) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // only a head start: the engine loads what it needs anyway
            }
        }
    }

    private static DemoWorld startPeers(SiteCatalog sites, TocsinConfig config, Map<String, Double> caps) {
        try {
            return DemoWorld.start(sites, config.resolve("data"), caps, LINKS, true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Each simulated carrier's SMS cap: {@code --sms-tps} for all three when given, else {@link #SMS_CAPS}. */
    Map<String, Double> smsCaps() {
        if (smsTps == null) {
            return SMS_CAPS;
        }
        Map<String, Double> caps = new LinkedHashMap<>();
        DemoWorld.CARRIERS.forEach(c -> caps.put(c, smsTps));
        return caps;
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
