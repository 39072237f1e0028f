package io.tocsin.dist.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every harness command shares (picocli mixin). */
final class WorldOptions {
    @Option(names = "--subscribers", description = "subscribers in the engine's generated directory (default: per scenario)")
    Integer subscribers;

    @Option(names = "--cells", description = "generated cell sites (default ${DEFAULT-VALUE})")
    int cells = 3000;

    @Option(names = "--caps", description = "SMS cap per carrier, submit_sm/s (default cmcc=1200,cucc=400,ctcc=400, in proportion to the directory's 60/20/20 mix)")
    String caps;

    @Option(names = "--window", description = "engine in-flight window per connector (default ${DEFAULT-VALUE})")
    int window = 256;

    @Option(names = "--no-broadcast", description = "no radio/TV connectors (SMS and cell broadcast only)")
    boolean noBroadcast;

    @Option(names = "--engine-heap", description = "-Xmx of the engine process (default ${DEFAULT-VALUE})")
    String engineHeap = "2g";

    @Option(names = "--work", description = "work directory: config, journal, logs (default ${DEFAULT-VALUE})")
    Path work = Path.of("data/bench");

    @Option(names = "--timeout", description = "seconds any one wait may take (default ${DEFAULT-VALUE})")
    int timeoutSeconds = 900;

    @Option(names = "--baseline-seconds", description = "raw jSMPP baseline before a measured fan-out (default ${DEFAULT-VALUE})")
    double baselineSeconds = 10;

    @Option(names = "--engine-jvm-arg", description = "a further JVM option of the engine process, repeatable "
            + "(e.g. -XX:StartFlightRecording=filename=engine.jfr,settings=profile)")
    java.util.List<String> engineJvmArgs = new java.util.ArrayList<>();

    @Option(names = "--seed", description = "directory and site seed (default ${DEFAULT-VALUE})")
    long seed = 20261129L;

    BenchOptions resolve(int defaultSubscribers, boolean defaultBroadcast) {
        Path root = Path.of(System.getProperty("tocsin.root", ".")).toAbsolutePath().normalize();
        Path w = work.isAbsolute() ? work : root.resolve(work);
        return new BenchOptions(root, w, subscribers != null ? subscribers : defaultSubscribers, cells, seed,
                caps != null ? BenchOptions.parseCaps(caps) : BenchOptions.defaultCaps(), window,
                defaultBroadcast && !noBroadcast, engineHeap, 600, engineJvmArgs, baselineSeconds);
    }
}
