package io.tocsin.dist.bench;

import io.tocsin.targeting.geo.Region;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.locationtech.jts.geom.Point;

/**
 * {@code overload}: first the sustainable ingest rate, measured in the same run (16 clients in a closed loop,
 * each pushing its next alert when the last was answered); then ten times that rate offered open-loop for the
 * same time. Counts 202 against 429/503 (and anything else), checks that every alert answered 202 in either
 * phase is in the ledger, that the engine still takes an alert afterwards, and how its memory moved. Alerts
 * are 50 m circles (a few recipients each) so the load is on ingest, not on the carriers.
 */
final class Overload {
    private static final int CLIENTS = 16;
    private static final int MAX_OUTSTANDING = 4096;

    private Overload() {
    }

    static ResultTable run(Driver d, int seconds, Duration timeout) throws Exception {
        int phase = Math.max(5, Math.min(seconds, 20));
        ResultTable t = new ResultTable(String.format(Locale.ROOT,
                "overload: sustainable rate (closed loop, %d clients, %d s) then 10x that open-loop for %d s",
                CLIENTS, phase, phase));
        long t0 = System.nanoTime();
        d.start();
        List<Region> regions = d.world.sites.geography().regions().all();
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicLong n = new AtomicLong();
        // phase 1: sustainable
        long end1 = System.nanoTime() + phase * 1_000_000_000L;
        List<Thread> clients = new ArrayList<>();
        Map<Integer, AtomicInteger> statuses1 = new ConcurrentHashMap<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread th = new Thread(() -> {
                Random random = new Random(client);
                while (System.nanoTime() < end1) {
                    try {
                        EngineApi.Ack a = d.world.api().post(tiny(d, regions, random).xml(), client);
                        statuses1.computeIfAbsent(a.status(), k -> new AtomicInteger()).incrementAndGet();
                        if (a.accepted()) {
                            accepted.add(a.id());
                        }
                    } catch (Exception e) {
                        statuses1.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }, "overload-client-" + c);
            th.start();
            clients.add(th);
        }
        for (Thread th : clients) {
            th.join();
        }
        int sustainedCount = accepted.size();
        double sustainable = sustainedCount / (double) phase;
        ProcSample before = d.world.engine().sample();
        // phase 2: 10x, open loop
        double offeredRate = sustainable * 10;
        long total = (long) (offeredRate * phase);
        Random random = new Random(7);
        List<CompletableFuture<EngineApi.Ack>> acks = new ArrayList<>();
        AtomicInteger outstanding = new AtomicInteger();
        long notSent = 0;
        long peakRss = before.rssBytes();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / offeredRate);
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            if (outstanding.get() >= MAX_OUTSTANDING) {
                notSent++;
                continue;
            }
            if (i % 1000 == 0) {
                peakRss = Math.max(peakRss, d.world.engine().sample().rssBytes());
            }
            outstanding.incrementAndGet();
            acks.add(d.world.api().postAsync(tiny(d, regions, random).xml(), (int) (i % 4))
                    .whenComplete((a, e) -> outstanding.decrementAndGet()));
        }
        double offeredSeconds = (System.nanoTime() - start) / 1e9;
        Map<Integer, Integer> statuses2 = new TreeMap<>();
        int accepted2 = 0;
        for (CompletableFuture<EngineApi.Ack> f : acks) {
            EngineApi.Ack a = f.join();
            statuses2.merge(a.status(), 1, Integer::sum);
            if (a.accepted()) {
                accepted.add(a.id());
                accepted2++;
            }
        }
        ProcSample after = d.world.engine().sample();
        EngineApi.Ack probe = d.world.api().post(tiny(d, regions, random).xml(), 0);
        int missing = 0;
        for (String id : new ArrayList<>(accepted)) {
            if (d.world.api().alert(id) == null) {
                missing++;
            }
        }
        t.row("sustainable ingest (same run, closed loop)", String.format(Locale.ROOT, "%,.0f alerts/s (%,d in %d s)",
                sustainable, sustainedCount, phase), "answers " + new TreeMap<>(statuses1).toString(), "baseline");
        t.row("offered at 10x", String.format(Locale.ROOT, "%,.0f alerts/s (%,d pushed in %.1f s, %,d not sent: %d"
                + " already outstanding)", acks.size() / offeredSeconds, acks.size(), offeredSeconds, notSent,
                MAX_OUTSTANDING), String.format(Locale.ROOT, "target %,.0f/s", offeredRate), "");
        t.row("answers under 10x", statuses2.toString(), "202 or 429/503 with Retry-After", ResultTable.met(
                statuses2.keySet().stream().allMatch(s -> s == 202 || s == 429 || s == 503)));
        t.row("accepted under 10x", String.format(Locale.ROOT, "%,.0f alerts/s", accepted2 / offeredSeconds),
                "sustainable " + String.format(Locale.ROOT, "%,.0f/s", sustainable), String.format(Locale.ROOT,
                        "%.2fx the sustainable rate", accepted2 / offeredSeconds / Math.max(1e-9, sustainable)));
        t.row("202 alerts missing from the ledger", missing + " of " + accepted.size(), "0",
                missing == 0 ? "met" : "**LOST**");
        t.row("engine takes an alert after the overload", Integer.toString(probe.status()), "202",
                ResultTable.met(probe.accepted()));
        t.row("engine resident memory", ResultTable.mib(before.rssBytes()) + " before 10x, peak " + ResultTable.mib(
                peakRss) + " during, " + ResultTable.mib(after.rssBytes()) + " after", "-Xmx"
                + d.world.options.engineHeap(), "");
        d.engineRows(t, (System.nanoTime() - t0) / 1e9);
        return t;
    }

    private static CapAlerts.Cap tiny(Driver d, List<Region> regions, Random random) {
        Region r = regions.get(random.nextInt(regions.size()));
        Point c = r.geometry().getInteriorPoint();
        return d.caps.circle("大风", c.getY() + random.nextGaussian() * 0.002, c.getX() + random.nextGaussian() * 0.002,
                0.05, r.nameZh() + "大风预警");
    }
}
