package io.tocsin.dist.bench;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./tocsin bench crash [--kills N]}: kill -9 the engine process at random moments of a city-wide fan-out,
 * restart it on the same journal each time, then compare what the SMSCs received with the ledger. Exit 0 when
 * nothing was lost and duplicates stayed within the in-flight windows, 1 otherwise, 2 when it could not run.
 */
@Command(name = "crash", mixinStandardHelpOptions = true,
        description = "Crash campaign: kill -9 the engine mid fan-out, restart on the same journal, count lost and duplicates.")
final class CrashCommand implements Callable<Integer> {
    @Mixin
    WorldOptions world;

    @Option(names = "--kills", description = "kills (default ${DEFAULT-VALUE})")
    int kills = 10;

    @Option(names = "--min-delay-ms", description = "shortest time an engine runs before its kill (default ${DEFAULT-VALUE})")
    int minDelayMs = 500;

    @Option(names = "--max-delay-ms", description = "longest time an engine runs before its kill (default ${DEFAULT-VALUE})")
    int maxDelayMs = 4000;

    @Option(names = "--resume-only", description = "stop after the kills: restart figures only (for 1M-recipient runs)")
    boolean resumeOnly;

    @Option(names = "--kill-seed", description = "seed of the kill moments (default: time)")
    Long killSeed;

    @Override
    public Integer call() throws Exception {
        BenchOptions o = world.resolve(100_000, false);
        long seed = killSeed != null ? killSeed : System.nanoTime();
        try (BenchWorld w = BenchWorld.create(o)) {
            Driver d = new Driver(w, System.out);
            System.out.printf("tocsin bench crash: %d kills, seed %d, work dir %s%n", kills, seed, w.work);
            CrashCampaign.Result r = CrashCampaign.run(d, kills, minDelayMs, maxDelayMs, new Random(seed),
                    Duration.ofSeconds(world.timeoutSeconds), !resumeOnly);
            r.table().print(System.out);
            return r.ok() ? 0 : 1;
        }
    }
}
