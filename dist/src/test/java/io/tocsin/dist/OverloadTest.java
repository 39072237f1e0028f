package io.tocsin.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest overload against a real engine (Netty ingress, Chronicle journal) with the shipped server limits (CAP
 * parsed on the I/O threads, {@code maxInFlight} 8192). First the sustainable rate: {@value #SUSTAINABLE_CLIENTS}
 * keep-alive clients in a closed loop, enough to keep the engine busy (after a warm-up). Then ten times that rate,
 * open loop ({@link OpenLoopLoad}: a new connection per request on schedule, answered or not). Excess must be
 * refused 429/503 with Retry-After (never answered otherwise; requests left unanswered past the client's timeout
 * are counted and printed), {@code /health} must answer during the flood, every 202 must be in the ledger and,
 * after a restart, in the replayed journal, a normal alert must get through afterwards, and the heap after GC must
 * not grow with the load (the in-flight admission, intake ring and decode queue are bounded).
 *
 * <p>The clients are raw sockets (the flood one NIO thread), so the generator costs little CPU on this shared
 * machine. CI runs 2 s; by hand: {@code -Dtocsin.overload.seconds=60}. Prints {@code OVERLOAD} lines.
 */
@Timeout(180)
class OverloadTest {
    private static final int SUSTAINABLE_CLIENTS = 16;
    private static final double OVERLOAD_FACTOR = 10;

    @TempDir
    Path data;
    private FaultRig rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    /** Counts of one phase. */
    static final class Tally {
        final LongAdder sent = new LongAdder();
        /** Due while the generator already held as many sockets as the open-file limit allows. */
        final LongAdder notSent = new LongAdder();
        /** Longest the generator fell behind its schedule (ns): large values mean the client lacked CPU. */
        final AtomicLong firstSendLag = new AtomicLong();
        final LongAdder accepted = new LongAdder();
        final LongAdder tooMany = new LongAdder();
        final LongAdder unavailable = new LongAdder();
        final LongAdder refusalsWithoutRetryAfter = new LongAdder();
        final LongAdder other = new LongAdder();
        final LongAdder clientErrors = new LongAdder();
        final ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> acceptedMillis = new ConcurrentLinkedQueue<>();

        void record(int status, String head, String body, long millis) {
            switch (status) {
                case 202 -> {
                    accepted.increment();
                    acceptedMillis.add(millis);
                    int at = body.indexOf("\"id\":\"");
                    ids.add(body.substring(at + 6, body.indexOf('"', at + 6)));
                }
                case 429, 503 -> {
                    (status == 429 ? tooMany : unavailable).increment();
                    if (!head.toLowerCase().contains("\nretry-after:")) {
                        refusalsWithoutRetryAfter.increment();
                    }
                    if (samples.size() < 4) {
                        samples.add(status + " " + body);
                    }
                }
                default -> {
                    other.increment();
                    if (samples.size() < 8) {
                        samples.add(status + " " + body);
                    }
                }
            }
        }

        void error(Exception e) {
            clientErrors.increment();
            if (samples.size() < 8) {
                samples.add(e.toString());
            }
        }

        long latency(double quantile) {
            long[] all = acceptedMillis.stream().mapToLong(Long::longValue).sorted().toArray();
            return all.length == 0 ? -1 : all[Math.min(all.length - 1, (int) Math.floor(quantile * all.length))];
        }
    }

    /** Runs {@code clients} keep-alive connections, each sending the next alert as soon as the last is answered. */
    private Tally closedLoop(int clients, long millis) throws InterruptedException {
        Tally tally = new Tally();
        long end = System.nanoTime() + millis * 1_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> client(tally, end), "overload-client-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        return tally;
    }

    private void client(Tally tally, long endNanos) {
        while (System.nanoTime() < endNanos) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", rig.host.port()), 5_000);
                s.setTcpNoDelay(true);
                s.setSoTimeout(30_000);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                while (System.nanoTime() < endNanos) {
                    byte[] body = rig.alert(Duration.ofHours(1));
                    byte[] head = ("POST /api/v1/alerts HTTP/1.1\r\nHost: tocsin\r\nAuthorization: Bearer "
                            + DemoCommand.CITY_KEY + "\r\nContent-Type: application/cap+xml\r\nContent-Length: "
                            + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                    long t0 = System.nanoTime();
                    out.write(head);
                    out.write(body);
                    out.flush();
                    tally.sent.increment();
                    if (!readResponse(in, tally, t0)) {
                        break; // the server closed the connection: open a new one
                    }
                }
            } catch (IOException e) {
                tally.error(e);
            }
        }
    }

    /** Reads one response; false when the connection is to be closed. */
    private static boolean readResponse(InputStream in, Tally tally, long t0) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed before a response");
            }
            head.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
                    ? state + 1 : (c == '\r' ? 1 : 0);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(h.substring(9, 12));
        String lower = h.toLowerCase();
        int cl = lower.indexOf("\ncontent-length:");
        int length = cl < 0 ? 0 : Integer.parseInt(lower.substring(cl + 16, lower.indexOf('\r', cl)).trim());
        byte[] body = in.readNBytes(length);
        tally.record(status, h, new String(body, StandardCharsets.UTF_8), (System.nanoTime() - t0) / 1_000_000);
        return !lower.contains("\nconnection: close");
    }

    private byte[] closingRequest() {
        byte[] body = rig.alert(Duration.ofHours(1));
        byte[] head = ("POST /api/v1/alerts HTTP/1.1\r\nHost: tocsin\r\nConnection: close\r\nAuthorization: Bearer "
                + DemoCommand.CITY_KEY + "\r\nContent-Type: application/cap+xml\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    @Test
    void atTenTimesTheSustainableRateExcessIsRefusedWithRetryAfterAndEveryAcceptedAlertSurvivesARestart()
            throws Exception {
        long seconds = Long.getLong("tocsin.overload.seconds", 2);
        // The shipped limits: admission on the I/O thread at the request's head sheds what the engine cannot
        // answer within a quarter of the ack timeout (ingress IntakeGate), before the body is read or parsed.
        // Where the open-file limit is tight (CI machines may allow 1,024) the generator cannot hold enough sockets
        // to outrun the admission's wait budget, so the connection limit is set below what it can hold: the excess
        // is then refused by the connection guard (503 with Retry-After), the engine's first defence on such a box.
        int sockets = OpenLoopLoad.socketBudget();
        int shippedConnections = ServerConfig.defaults().maxConnections();
        rig = FaultRig.start(data, Set.of(), c -> sockets >= shippedConnections ? c
                : c.withServer(c.server().withMaxConnections(sockets / 4)));
        System.out.printf("OVERLOAD: generator may hold %d sockets; server connection limit %d%n", sockets,
                rig.host.config().server().maxConnections());
        ServerConfig server = rig.host.config().server();
        assertThat(server.inlineDecodeBytes()).as("CAP parsed on the I/O threads, as shipped")
                .isEqualTo(ServerConfig.defaults().inlineDecodeBytes());
        assertThat(server.maxInFlight()).isEqualTo(ServerConfig.defaults().maxInFlight());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        Tally warmUp = closedLoop(SUSTAINABLE_CLIENTS, 1_000);
        Tally calibration = closedLoop(SUSTAINABLE_CLIENTS, 2_000);
        double sustainable = calibration.accepted.sum() / 2.0;
        assertThat(sustainable).as("calibration accepted something: %s", calibration.samples).isPositive();

        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // sampling period
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        Tally flood = new Tally();
        // 10x the measured rate, and never fewer requests than four times the fewest the admission lets wait (64): the
        // calibration is noisy on this shared machine
        double rate = Math.max(OVERLOAD_FACTOR * sustainable, 4.0 * 64 / seconds);
        java.util.ArrayDeque<byte[]> prepared = new java.util.ArrayDeque<>();
        for (int i = 0; i < rate * seconds + 1; i++) {
            prepared.add(closingRequest()); // built beforehand: the generator only does socket work
        }
        System.gc();
        heapBefore = memory.getHeapMemoryUsage().getUsed();
        HealthProbe health = new HealthProbe(rig.host.port());
        health.start();
        start = System.nanoTime();
        OpenLoopLoad generator = new OpenLoopLoad(new InetSocketAddress("127.0.0.1", rig.host.port()),
                () -> prepared.isEmpty() ? closingRequest() : prepared.poll(), flood);
        generator.run(rate, seconds);
        double offeredSeconds = seconds;
        double elapsed = (System.nanoTime() - start) / 1e9;
        health.stop();
        sampler.interrupt();
        // a normal alert still gets through, to a client that honours Retry-After while the flood's last
        // connections are being closed
        String afterwards = rig.submitRetrying(Duration.ofSeconds(20));
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();

        long refused = flood.tooMany.sum() + flood.unavailable.sum();
        double offered = flood.sent.sum() / offeredSeconds;
        List<String> ids = new ArrayList<>(flood.ids);
        ids.add(afterwards);
        ids.addAll(calibration.ids);
        ids.addAll(warmUp.ids);
        System.out.printf("OVERLOAD: sustainable %.0f alerts/s (%d clients); open loop for %.0f s (%.1f s until the"
                        + " last answer) offered %.0f requests/s (%.1fx sustainable): accepted %d (%.0f/s), 429 %d, 503 %d, other %d,"
                        + " no answer %d, not sent %d (generator at its open-file budget of %d sockets); 202 latency p50 %d ms p99 %d ms; heap after GC %d MiB before, %d MiB after,"
                        + " peak %d MiB; generator at most %d ms behind schedule; /health answered %d times during it"
                        + " (slowest %d ms, %d unanswered); samples %s%n",
                sustainable, SUSTAINABLE_CLIENTS, offeredSeconds, elapsed, offered, offered / sustainable,
                flood.accepted.sum(), flood.accepted.sum() / elapsed, flood.tooMany.sum(), flood.unavailable.sum(),
                flood.other.sum(), flood.clientErrors.sum(), flood.notSent.sum(), generator.maxOpen(),
                flood.latency(0.5), flood.latency(0.99),
                heapBefore >> 20, heapAfter >> 20, peakHeap.get() >> 20, flood.firstSendLag.get() / 1_000_000,
                health.answered.get(), health.slowestMillis.get(), health.failed.get(), flood.samples);

        for (String id : ids) {
            assertThat(rig.view(id)).as("accepted %s in the ledger", id).isNotNull();
        }
        rig.restart();
        long missing = ids.stream().filter(id -> rig.view(id) == null).count();
        assertThat(missing).as("accepted alerts missing after restart").isZero();
        System.out.printf("OVERLOAD: all %d accepted alerts in the ledger and replayed from the journal after a"
                + " restart%n", ids.size());
        assertThat(flood.other.sum()).as("answers other than 202/429/503: %s", flood.samples).isZero();
        // Requests with no answer within the client's timeout are reported, not asserted: on this shared 2-core
        // box a flood can starve the I/O threads (see bench/RESULTS.md). They were never acknowledged, so a
        // client retries them (ingest is idempotent); nothing acknowledged is lost, as asserted above.
        assertThat(refused).as("excess refused").isPositive();
        assertThat(flood.refusalsWithoutRetryAfter.sum()).isZero();
        assertThat(flood.accepted.sum()).as("still accepting under overload").isPositive();
        assertThat(heapAfter - heapBefore).as("heap growth after GC").isLessThan(128L << 20);
        assertThat(health.answered.get()).as("/health answered during the flood").isPositive();

    }

    /** GET /health every 100 ms on its own connection while the flood runs: counts answers (200 or 503). */
    private static final class HealthProbe {
        final java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        final AtomicLong slowestMillis = new AtomicLong();
        private final int port;
        private final Thread thread;
        private volatile boolean running = true;

        HealthProbe(int port) {
            this.port = port;
            this.thread = new Thread(this::run, "overload-health");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(30_000);
        }

        private void run() {
            while (running) {
                long t0 = System.nanoTime();
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                    s.setSoTimeout(10_000);
                    s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: tocsin\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    String head = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                    if (head.startsWith("HTTP/1.1 200") || head.startsWith("HTTP/1.1 503")) {
                        answered.incrementAndGet();
                        slowestMillis.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                }
                java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L); // probing period
            }
        }
    }
}
