package io.tocsin.dist.bench;

import io.tocsin.targeting.geo.Region;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Point;

/**
 * {@code overload}: first the sustainable ingest rate, measured in the same run with enough clients to keep
 * the engine busy ({@value #CLIENTS} keep-alive connections in a closed loop on a non-blocking client, after a
 * warm-up); then ten times that rate offered open-loop for the same time (keep-alive connections reused, new ones
 * opened as needed, up to {@value #MAX_CONNECTIONS}). Reports 202 against 429/503 (with Retry-After, and how fast
 * refusals came), the accepted rate under overload against the sustainable one, {@code /health} answered during
 * the flood, the engine's memory before and after, whether every alert answered 202 is in the ledger, and whether
 * a normal alert still gets through afterwards. Alerts are 50 m circles (a few recipients each) so the load is
 * on ingest, not on the carriers. Requests are built before each phase, so the generator only does socket work.
 */
final class Overload {
    static final int CLIENTS = 64;
    static final int MAX_CONNECTIONS = 1500;
    private static final double FACTOR = 10;

    private Overload() {
    }

    static ResultTable run(Driver d, int seconds, Duration timeout) throws Exception {
        int phase = Math.max(5, Math.min(seconds, 30));
        ResultTable t = new ResultTable(String.format(Locale.ROOT,
                "overload: sustainable rate (closed loop, %d connections, %d s after a warm-up) then %.0fx that open"
                        + " loop for %d s", CLIENTS, phase, FACTOR, phase));
        long t0 = System.nanoTime();
        d.start();
        Requests requests = new Requests(d);
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", d.world.engine().port());
        long answerTimeout = timeout.toNanos();

        LoadTally warm = new LoadTally();
        new NioLoad(server, requests.build(4000), warm, answerTimeout).closedLoop(CLIENTS, Math.min(phase, 5));
        LoadTally calm = new LoadTally();
        new NioLoad(server, requests.build(20_000), calm, answerTimeout).closedLoop(CLIENTS, phase);
        double sustainable = calm.accepted() / (double) phase;
        GcLog gcBefore = GcLog.read(d.world.gcLogs());
        ProcSample before = d.world.engine().sample();

        double rate = Math.max(1, sustainable * FACTOR);
        Supplier<byte[]> flood = requests.build((int) Math.ceil(rate * phase) + 16);
        LoadTally over = new LoadTally();
        Samples health = new Samples();
        AtomicLong healthRefused = new AtomicLong();
        AtomicLong peakRss = new AtomicLong(before.rssBytes());
        AtomicBoolean flooding = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> watch(d, flooding, health, healthRefused, peakRss), "overload-health");
        watcher.setDaemon(true);
        watcher.start();
        long s0 = System.nanoTime();
        new NioLoad(server, flood, over, answerTimeout).openLoop(rate, phase, MAX_CONNECTIONS);
        double floodSeconds = (System.nanoTime() - s0) / 1e9;
        flooding.set(false);
        watcher.join();
        ProcSample after = d.world.engine().sample();
        GcLog gcAfter = GcLog.read(d.world.gcLogs());
        EngineApi.Ack probe = d.world.api().post(requests.alert().xml(), 0);

        List<String> ids = new ArrayList<>(warm.acceptedIds);
        ids.addAll(calm.acceptedIds);
        ids.addAll(over.acceptedIds);
        if (probe.accepted()) {
            ids.add(probe.id());
        }
        long missing = d.world.api().missing(ids);

        t.row("sustainable ingest (same run, closed loop)", String.format(Locale.ROOT,
                "%,.0f alerts/s (%,d in %d s); 202 %s", sustainable, calm.accepted(), phase,
                calm.acceptedMillis.summary()), "answers " + calm.statuses + (calm.errors > 0 ? ", client errors "
                + calm.errors : ""), "baseline");
        t.row("offered at 10x, open loop", String.format(Locale.ROOT, "%,.0f requests/s (%,d in %d s; %,d not sent"
                        + " for want of a connection, generator at most %.0f ms behind)", over.sent / (double) phase,
                over.sent, phase, over.notSent, over.maxLagNanos / 1e6), String.format(Locale.ROOT, "target %,.0f/s",
                rate), "");
        t.row("answers under 10x", over.statuses + (over.errors > 0 ? ", no answer/errors " + over.errors
                + " " + over.samples : ""), "202 or 429/503", ResultTable.met(over.statuses.keySet().stream()
                .allMatch(s -> s == 202 || s == 429 || s == 503) && over.errors == 0));
        t.row("refused (429/503) share, and how fast", String.format(Locale.ROOT, "%.1f%% refused; refusal %s",
                100.0 * over.refused() / Math.max(1, over.answered()), over.refusedMillis.summary()),
                "excess refused quickly", ResultTable.met(over.refused() > 0));
        t.row("refusals without Retry-After", Long.toString(over.refusalsWithoutRetryAfter), "0",
                ResultTable.met(over.refusalsWithoutRetryAfter == 0));
        t.row("accepted under 10x", String.format(Locale.ROOT, "%,.0f alerts/s (%,d); 202 %s",
                over.accepted() / floodSeconds, over.accepted(), over.acceptedMillis.summary()),
                String.format(Locale.ROOT, "sustainable %,.0f/s", sustainable), String.format(Locale.ROOT,
                        "%.2fx the sustainable rate", over.accepted() / floodSeconds / Math.max(1e-9, sustainable)));
        t.row("/health during the flood", health.size() + " answered (" + healthRefused.get() + " not 200/503); "
                + health.summary(), "answered", ResultTable.met(health.size() > 0));
        t.row("202 alerts missing from the ledger", missing + " of " + ids.size(), "0",
                missing == 0 ? "met" : "**LOST**");
        t.row("engine takes a normal alert after the overload", Integer.toString(probe.status()), "202",
                ResultTable.met(probe.accepted()));
        t.row("engine memory", String.format(Locale.ROOT, "RSS %s before 10x, peak %s during, %s after; heap live"
                        + " after GC: peak %d MiB before 10x, %d MiB by the end", ResultTable.mib(before.rssBytes()),
                ResultTable.mib(peakRss.get()), ResultTable.mib(after.rssBytes()), gcBefore.peakLiveMib(),
                gcAfter.peakLiveMib()), "-Xmx" + d.world.options.engineHeap() + "; bounded", "");
        t.note(String.format(Locale.ROOT, "Warm-up (not counted): %,d answered %s. Refusal samples: %s",
                warm.answered(), warm.statuses, over.samples));
        d.engineRows(t, (System.nanoTime() - t0) / 1e9);
        return t;
    }

    /** Polls {@code /health} (and the engine's RSS) every 200 ms while the flood runs. */
    private static void watch(Driver d, AtomicBoolean flooding, Samples health, AtomicLong odd, AtomicLong peakRss) {
        while (flooding.get()) {
            long h0 = System.nanoTime();
            int status = d.world.api().health();
            if (status == 200 || status == 503) {
                health.add((System.nanoTime() - h0) / 1e6);
            } else {
                odd.incrementAndGet();
            }
            peakRss.accumulateAndGet(d.world.engine().sample().rssBytes(), Math::max);
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L); // polling period, not a wait for an event
        }
    }

    /** Ready-made POSTs of small circle alerts over the districts, from the four publishers in turn. */
    private static final class Requests {
        private final Driver d;
        private final List<Region> regions;
        private final List<Point> centres = new ArrayList<>();
        private final Random random = new Random(7);
        private long n;

        Requests(Driver d) {
            this.d = d;
            this.regions = d.world.sites.geography().regions().all();
            for (Region r : regions) {
                centres.add(r.geometry().getInteriorPoint());
            }
        }

        CapAlerts.Cap alert() {
            int i = random.nextInt(regions.size());
            Point c = centres.get(i);
            return d.caps.circle("大风", c.getY() + random.nextGaussian() * 0.002, c.getX() + random.nextGaussian()
                    * 0.002, 0.05, regions.get(i).nameZh() + "大风预警");
        }

        /** {@code count} requests built now; past them, more are built on demand. */
        Supplier<byte[]> build(int count) {
            ArrayDeque<byte[]> ready = new ArrayDeque<>(count);
            for (int i = 0; i < count; i++) {
                ready.add(next());
            }
            return () -> ready.isEmpty() ? next() : ready.poll();
        }

        private byte[] next() {
            return NioLoad.post("/api/v1/alerts", d.world.keys.key((int) (n++ % 4)), "application/cap+xml",
                    alert().xml());
        }
    }
}
