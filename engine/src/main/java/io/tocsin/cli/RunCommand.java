package io.tocsin.cli;

import io.tocsin.config.ConfigException;
import io.tocsin.config.ConfigLoader;
import io.tocsin.config.TocsinConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tocsin run --config FILE}: checks the configuration, replays the journal, starts the connectors and
 * serves the HTTP API until stopped (Ctrl-C / SIGTERM close it cleanly; a kill -9 loses no acknowledged alert).
 * Exit 0 after a clean stop, 2 for a bad configuration or a port in use.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the engine with a configuration file until stopped.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "configuration (see config/tocsin.yaml; config/demo.yaml is the demo's)")
    Path config;

    @Option(names = "--port", description = "listen on this port instead of the configured one (0 = any free port)")
    Integer port;

    @Option(names = "--check", description = "only check the configuration and exit (0 usable, 2 not)")
    boolean check;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        java.util.Map<String, Long> phases = new java.util.LinkedHashMap<>();
        long t = System.nanoTime();
        StartupClock.start();
        phases.put("jvm", java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        TocsinConfig cfg;
        try {
            cfg = new ConfigLoader().load(config);
            if (port != null) {
                cfg = cfg.withServer(cfg.server().withPort(port));
            }
            if (check) {
                io.tocsin.security.KeyRing.fromConfig(cfg);
                System.out.println(config + ": ok (" + cfg.publishers().size() + " publishers, "
                        + cfg.operators().size() + " operators, " + cfg.connectors().size() + " connectors)");
                return 0;
            }
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        EngineHost host;
        try {
            t = lap(phases, "config", t);
            // The geography loads while the journal replays and the connectors bind (a restart's re-queued
            // dispatches do not need it); the host waits for it before serving HTTP.
            DeferredTargeting targeting = DeferredTargeting.load(cfg.geography(), cfg.baseDir());
            host = EngineHost.start(cfg, targeting, targeting, Clock.systemUTC(), List.of());
            phases.putAll(host.startupPhases());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("tocsin: could not start: " + e);
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.close();
            stopped.countDown();
        }, "tocsin-shutdown"));
        System.out.println("tocsin: startup phases (ms) " + phases);
        System.out.println("tocsin: serving http://" + cfg.server().host() + ":" + host.port() + "/api/v1 ("
                + host.engine().recovery() + ", journal " + cfg.resolve(cfg.journal().dir()) + ")");
        stopped.await();
        return 0;
    }

    /** Records {@code name}'s wall time since {@code since} (and, as name/cpu, the starting thread's CPU time). */
    private static long lap(java.util.Map<String, Long> phases, String name, long since) {
        return StartupClock.lap(phases, name, since);
    }
}
