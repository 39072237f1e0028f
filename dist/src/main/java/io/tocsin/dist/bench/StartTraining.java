package io.tocsin.dist.bench;

import io.tocsin.targeting.geo.Region;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tocsin bench train-start --archive FILE}: writes a class-data sharing (CDS) archive of what an engine
 * loads when it starts after a crash, so later engine JVMs map those classes instead of loading, parsing and
 * verifying them (the launcher runs this once per build, as an install step, and starts every JVM with
 * {@code -XX:SharedArchiveFile}). The training is the path being sped up, at a small scale: an engine process with
 * {@code -XX:ArchiveClassesAtExit} fans a city-wide alert out to the simulated carriers, is killed with SIGKILL
 * mid fan-out, a second one restarts on that journal (replay, re-queue, binds, HTTP), resumes sending, and is
 * stopped cleanly — the JVM writes the archive as it exits. Exit 0 when the archive was written, 1 otherwise.
 * Not thread-safe; one run.
 */
@Command(name = "train-start", mixinStandardHelpOptions = true, hidden = true,
        description = "Write a CDS archive of an engine's crash-restart start-up (the launcher's install step).")
public final class StartTraining implements Callable<Integer> {
    @Option(names = "--archive", required = true, description = "the archive to write")
    Path archive;

    @Option(names = "--subscribers", description = "subscribers of the training directory (default ${DEFAULT-VALUE})")
    int subscribers = 5_000;

    @Option(names = "--verbose", description = "print the training's progress")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Path target = archive.toAbsolutePath();
        Files.deleteIfExists(target);
        Path work = Files.createTempDirectory("tocsin-train-start");
        PrintStream log = verbose ? System.out : new PrintStream(OutputStream.nullOutputStream());
        try {
            train(work, target, log);
        } finally {
            delete(work);
        }
        if (!Files.isRegularFile(target)) {
            System.err.println("tocsin: no class-data archive was written (see the JVM's messages above)");
            return 1;
        }
        log.printf("class-data archive %s (%,d bytes)%n", target, Files.size(target));
        return 0;
    }

    private void train(Path work, Path target, PrintStream log) throws Exception {
        Path root = Path.of(System.getProperty("tocsin.root", ".")).toAbsolutePath().normalize();
        BenchOptions o = new BenchOptions(root, work, subscribers, 300, 20261129L, BenchOptions.defaultCaps(), 256,
                true, "1g", 300, List.of("-XX:ArchiveClassesAtExit=" + target), 0);
        Duration wait = Duration.ofSeconds(60);
        try (BenchWorld w = BenchWorld.create(o)) {
            Driver d = new Driver(w, log);
            d.start();
            List<String> city = w.sites.geography().regions().all().stream().map(Region::code).sorted().toList();
            Driver.Pushed warning = d.push(d.caps.districts("台风", city, "广州市台风红色预警"), 0, wait);
            long sent = w.smsPdus();
            long deadline = System.nanoTime() + wait.toNanos();
            while (w.smsPdus() < sent + 500 && System.nanoTime() < deadline) {
                Thread.sleep(10); // polling the SMSCs' counters while the fan-out runs
            }
            w.engine().kill(); // the crash: the archive is written by the engine that restarts after it
            w.armArrivals();
            EngineProcess again = w.spawnEngine();
            w.awaitEngine(again);
            deadline = System.nanoTime() + wait.toNanos();
            while (w.firstSms() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10); // polling the SMSCs' arrival clocks: dispatch resumed
            }
            w.api().health();
            w.api().alert(warning.id()); // the read paths an operator uses after a restart
            log.printf("restarted engine resumed sending: %s%n", w.firstSms() != 0);
            again.stop(Duration.ofSeconds(180)); // SIGTERM: a clean exit, when the JVM writes the archive
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
