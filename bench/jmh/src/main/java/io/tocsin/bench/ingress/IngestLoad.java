package io.tocsin.bench.ingress;

import io.tocsin.cli.EngineHost;
import io.tocsin.config.ConfigLoader;
import io.tocsin.config.ServerConfig;
import io.tocsin.config.TocsinConfig;
import io.tocsin.ingress.AlertApi;
import io.tocsin.ingress.CapAlertParser;
import io.tocsin.ingress.IngressServer;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.LedgerView;
import io.tocsin.security.KeyRing;
import io.tocsin.security.KeyHash;
import io.tocsin.security.RegionShapes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * HTTP ingest load: real HTTP/1.1 clients (one blocking keep-alive socket per connection) posting the demo's
 * CAP XML typhoon warning with a fresh identifier each time to (1) a Netty hello-world server, the baseline, and
 * (2) the real ingress (decode + validate + scope) with a minimal intake that appends to a real Chronicle Queue
 * before answering ({@link JournalOnlyIntake}), and (3) the real ingress in front of the real engine (intake
 * ring → journal → ledger → planner) → 202. Same process, same run, one after the other
 * ({@code --only hello|journal|tocsin} runs one). Two loads per target:
 *
 * <ul>
 *   <li>{@code throughput}: closed loop on {@code --connections} connections for {@code --seconds};</li>
 *   <li>{@code rate}: {@code --rate} requests/s spread over the connections, latency measured from each
 *       request's intended start (no coordinated omission). With {@code --settle S} it is preceded by S seconds
 *       at the same rate that are not recorded, so the figure is the steady state at that rate and not the
 *       engine still catching up on the closed loop's backlog (default 0: measured straight after it).</li>
 * </ul>
 *
 * Run: {@code java <chronicle flags> -cp bench/jmh/target/benchmarks.jar io.tocsin.bench.ingress.IngestLoad}
 * (see bench/RESULTS.md for the exact command).
 */
public final class IngestLoad {

    private static final String KEY = "bench-publisher-key";

    private static final LedgerView EMPTY_LEDGER = new LedgerView() {
        @Override
        public List<AlertView> alerts() {
            return List.of();
        }

        @Override
        public Optional<AlertView> alert(String id) {
            return Optional.empty();
        }
    };

    private record Result(String target, String load, long requests, long errors, double seconds, Histogram latency) {

        String row() {
            return String.format(Locale.ROOT, "| %s | %s | %,d | %,.0f | %.2f | %.2f | %.2f | %.2f | %d |", target, load,
                    requests, requests / seconds, ms(latency.getValueAtPercentile(50)),
                    ms(latency.getValueAtPercentile(99)), ms(latency.getValueAtPercentile(99.9)),
                    ms(latency.getMaxValue()), errors);
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    /** With {@code --slow-ms N}: the paced runs print when their requests slower than N ms were sent. */
    private static int slowMs;
    /** With {@code --settle S}: S unrecorded seconds at the paced rate between the closed loop and the paced run. */
    private static int settle;

    private IngestLoad() {
    }

    public static void main(String[] args) throws Exception {
        int connections = intArg(args, "--connections", 32);
        int seconds = intArg(args, "--seconds", 10);
        int warmup = intArg(args, "--warmup", 5);
        int rate = intArg(args, "--rate", 1000);
        int ioThreads = intArg(args, "--io-threads", 2);
        String only = stringArg(args, "--only", "all");
        slowMs = intArg(args, "--slow-ms", 0);
        settle = intArg(args, "--settle", 0);
        Path root = Path.of(System.getProperty("tocsin.root", ".")).toAbsolutePath();
        String template = Files.readString(root.resolve("config/demo/typhoon-red.xml"));

        List<Result> results = new ArrayList<>();
        if (only.equals("all") || only.equals("hello")) {
            try (HelloServer hello = new HelloServer(ioThreads)) {
                results.addAll(run("netty hello-world", hello.port(), template, connections, seconds, warmup, rate));
            }
        }
        if (only.equals("all") || only.equals("journal")) {
            Path dir = Files.createTempDirectory("tocsin-ingress-journal-bench");
            ServerConfig sc = config(dir, ioThreads).server();
            KeyRing keys = KeyRing.fromConfig(config(dir, ioThreads));
            try (JournalOnlyIntake intake = new JournalOnlyIntake(dir.resolve("journal"));
                 IngressServer server = new IngressServer(sc, new AlertApi(keys, intake, EMPTY_LEDGER,
                         new CapAlertParser(), RegionShapes.NONE, Clock.systemUTC(), sc).router()).start()) {
                results.addAll(run("ingress + Chronicle append (minimal intake)", server.port(), template,
                        connections, seconds, warmup, rate));
            } finally {
                deleteTree(dir);
            }
        }
        if (only.equals("all") || only.equals("tocsin")) {
            Path dir = Files.createTempDirectory("tocsin-ingest-bench");
            try (EngineHost host = EngineHost.start(config(dir, ioThreads), EngineHost.NO_GEOGRAPHY, RegionShapes.NONE,
                    Clock.systemUTC(), List.of())) {
                results.addAll(run("tocsin ingest + journal", host.port(), template, connections, seconds, warmup,
                        rate));
                System.out.printf("journal: %s, ledger alerts: %,d%n", dir, host.engine().ledger().alerts().size());
            } finally {
                deleteTree(dir);
            }
        }
        System.out.println();
        System.out.println("| target | load | requests | req/s | p50 ms | p99 ms | p99.9 ms | max ms | non-2xx |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        results.forEach(r -> System.out.println(r.row()));
        Result baseline = results.get(0);
        for (int i = 2; i < results.size(); i += 2) {
            Result r = results.get(i);
            System.out.printf(Locale.ROOT, "throughput ratio %s / %s = %.2f%n", r.target(), baseline.target(),
                    (r.requests() / r.seconds()) / (baseline.requests() / baseline.seconds()));
        }
    }

    private static TocsinConfig config(Path dir, int ioThreads) {
        String yaml = """
                server: {host: 127.0.0.1, port: 0, ioThreads: %d, maxInFlight: 100000}
                journal: {dir: journal, fsync: false}
                queues: {ringSize: 16384}
                publishers:
                  - {name: bench, keySha256: %s}
                """.formatted(ioThreads, KeyHash.hexOf(KEY));
        return new ConfigLoader().parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "bench", dir);
    }

    private static List<Result> run(String target, int port, String template, int connections, int seconds,
                                    int warmup, int rate) throws Exception {
        System.out.printf("%s: warm-up %d s%n", target, warmup);
        int paced = Math.min(connections, 16);
        warmUp(target, port, template, connections, paced, warmup, rate);
        System.out.printf("%s: closed loop, %d connections, %d s%n", target, connections, seconds);
        Result throughput = load(target, "max, " + connections + " conns", port, template, connections, seconds, 0,
                new SlowRequests(0));
        System.out.println(throughput.row());
        if (settle > 0) {
            System.out.printf("%s: settle %d s at %d req/s (not recorded)%n", target, settle, rate);
            load(target, "settle", port, template, paced, settle, rate, new SlowRequests(0));
        }
        System.out.printf("%s: %d req/s on %d connections, %d s%n", target, rate, paced, seconds);
        SlowRequests slow = new SlowRequests(slowMs);
        Result fixed = load(target, rate + "/s, " + paced + " conns", port, template, paced, seconds, rate, slow);
        System.out.println(fixed.row());
        slow.report().forEach(System.out::println);
        return List.of(throughput, fixed);
    }

    /**
     * The warm-up goes through every change the measured phases make, so that the JIT's recompilations after them
     * happen here and not in a measured second: the first end of a closed loop and the new connections after it
     * (connection close and set-up paths on both sides, each loop's exit), and a paced second (the clients'
     * pacing). Measured in session 7: with one unbroken warm-up the compiler threads spent ~2 s of CPU in the
     * first seconds of the measured closed loop, recompiling the handler and selector code the phase change had
     * deoptimised.
     */
    private static void warmUp(String target, int port, String template, int connections, int paced, int seconds,
                               int rate) throws Exception {
        int half = Math.max(1, (seconds - 1) / 2);
        load(target, "warm-up", port, template, connections, half, 0, new SlowRequests(0));
        load(target, "warm-up", port, template, paced, 1, rate, new SlowRequests(0));
        load(target, "warm-up", port, template, connections, Math.max(1, seconds - 1 - half), 0,
                new SlowRequests(0));
    }

    /** {@code rate} 0 = closed loop; otherwise requests per second across all connections. */
    private static Result load(String target, String name, int port, String template, int connections, int seconds,
                               int rate, SlowRequests slow) throws Exception {
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        // Every client connects first; the clock starts when all are connected, so TCP set-up is not counted as
        // the first requests' latency.
        java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(connections);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        long[] clock = new long[2];
        long interval = rate == 0 ? 0 : 1_000_000_000L * connections / rate;
        for (int c = 0; c < connections; c++) {
            Histogram h = new Histogram(60_000_000_000L, 3);
            histograms.add(h);
            int client = c;
            Thread t = new Thread(() -> {
                AlertBodies bodies = new AlertBodies(template, KEY, "c" + client);
                try (HttpConnection http = new HttpConnection(port)) {
                    connected.countDown();
                    go.await();
                    long start = clock[0];
                    long end = clock[1];
                    long intended = start + (interval == 0 ? 0 : interval * client / connections);
                    while (true) {
                        long now = System.nanoTime();
                        if (interval > 0) {
                            if (intended >= end) {
                                break;
                            }
                            if (intended > now) {
                                LockSupport.parkNanos(intended - now);
                            }
                        } else if (now >= end) {
                            break;
                        }
                        int length = bodies.nextRequest();
                        long sentAt = interval > 0 ? intended : System.nanoTime();
                        int status = http.exchange(bodies.buffer(), length);
                        long latency = System.nanoTime() - sentAt;
                        h.recordValue(Math.min(latency, h.getHighestTrackableValue()));
                        slow.record(sentAt, latency);
                        requests.incrementAndGet();
                        if (status < 200 || status > 299) {
                            errors.incrementAndGet();
                        }
                        intended += interval;
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    System.err.println(target + " client " + client + ": " + e);
                    connected.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "load-" + c);
            threads.add(t);
            t.start();
        }
        connected.await();
        long start = System.nanoTime();
        clock[0] = start;
        clock[1] = start + seconds * 1_000_000_000L;
        go.countDown(); // the latch publishes clock[] to the clients
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Histogram all = new Histogram(60_000_000_000L, 3);
        histograms.forEach(all::add);
        return new Result(target, name, requests.get(), errors.get(), elapsed, all);
    }

    private static int intArg(String[] args, String name, int fallback) {
        String v = stringArg(args, name, null);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
