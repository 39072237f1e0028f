package io.tocsin.dist.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./tocsin bench e2e <scenario>}: starts the simulators here and a real engine as a separate process,
 * runs the scenario over HTTP and prints one table (Markdown). Exit 0 when the run completed with exact
 * delivery, 1 when it completed but something was not exact, 2 when it could not run.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = "Run a scenario (district-flood, city-typhoon, burst, overload) and print its table.")
final class E2eCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "district-flood | city-typhoon | burst | overload")
    String scenario;

    @Mixin
    WorldOptions world;

    @Option(names = "--probes", description = "district-flood: district warnings timed (default ${DEFAULT-VALUE})")
    int probes = 21;

    @Option(names = "--alerts", description = "burst: alerts pushed (default ${DEFAULT-VALUE})")
    int alerts = 300;

    @Option(names = "--seconds", description = "burst: spread over this many seconds; overload: each phase (default ${DEFAULT-VALUE})")
    int seconds = 60;

    @Option(names = "--phase-seconds", description = "city-typhoon: cut each fan-out after this many seconds instead "
            + "of running it to the end (for directories of millions; 0 = to the end, default ${DEFAULT-VALUE})")
    int phaseSeconds = 0;

    @Override
    public Integer call() throws Exception {
        BenchOptions o = switch (scenario) {
            case "district-flood" -> world.resolve(200_000, true);
            case "city-typhoon" -> world.resolve(200_000, true);
            case "burst", "overload" -> world.resolve(200_000, false);
            default -> null;
        };
        if (o == null) {
            System.err.println("unknown scenario '" + scenario + "': district-flood, city-typhoon, burst, overload");
            return 2;
        }
        Duration timeout = Duration.ofSeconds(world.timeoutSeconds);
        try (BenchWorld w = BenchWorld.create(o)) {
            Driver d = new Driver(w, System.out);
            System.out.printf("tocsin bench e2e %s: work dir %s, engine config %s%n", scenario, w.work, w.configFile);
            ResultTable table = switch (scenario) {
                case "district-flood" -> DistrictFlood.run(d, probes, timeout);
                case "city-typhoon" -> phaseSeconds > 0 ? CityTyphoonCapped.run(d, timeout, phaseSeconds)
                        : CityTyphoon.run(d, timeout);
                case "burst" -> Burst.run(d, alerts, seconds, timeout);
                default -> Overload.run(d, seconds, timeout);
            };
            table.print(System.out);
            return table.rows().stream().anyMatch(r -> r.verdict().contains("not exact")
                    || r.verdict().contains("LOST")) ? 1 : 0;
        }
    }
}
