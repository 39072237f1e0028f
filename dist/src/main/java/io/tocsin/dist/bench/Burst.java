package io.tocsin.dist.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.targeting.geo.Region;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.locationtech.jts.geom.Point;

/**
 * {@code burst}: hundreds of warnings in a minute from the four publishers, each for a 1 km circle somewhere
 * in one of the districts, pushed open-loop at an even pace (slow answers do not slow the pushing). Judged:
 * every push answered 202, POST → 202 latency, and the time until every alert's SMS have settled against the
 * minimum (the pushing spread, or all recipients at the sum of the caps, whichever is longer); lost = SMS the
 * ledger counts delivered that no SMSC received.
 */
final class Burst {
    private static final String[] EVENTS = {"暴雨", "雷电", "地质灾害", "森林火险"};

    private Burst() {
    }

    static ResultTable run(Driver d, int alerts, int seconds, Duration timeout) throws Exception {
        ResultTable t = new ResultTable(String.format(Locale.ROOT,
                "burst: %d alerts in %d s from %d publishers, %,d subscribers, caps %s", alerts, seconds,
                BenchKeys.PUBLISHERS.size(), d.world.options.subscribers(), d.world.options.caps()));
        long t0 = System.nanoTime();
        d.start();
        List<Region> regions = d.world.sites.geography().regions().all();
        Random random = new Random(d.world.options.seed());
        long messagesBefore = d.world.smsMessages();
        List<CompletableFuture<EngineApi.Ack>> acks = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < alerts; i++) {
            long due = start + (long) (i * (seconds * 1e9 / alerts));
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            Region r = regions.get(random.nextInt(regions.size()));
            Point c = r.geometry().getInteriorPoint();
            String event = EVENTS[i % EVENTS.length];
            CapAlerts.Cap cap = d.caps.circle(event, c.getY() + random.nextGaussian() * 0.003,
                    c.getX() + random.nextGaussian() * 0.003, 1.0, r.nameZh() + event + "红色预警");
            acks.add(d.world.api().postAsync(cap.xml(), i));
        }
        double pushSeconds = (System.nanoTime() - start) / 1e9;
        Samples ingest = new Samples();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<EngineApi.Ack> f : acks) {
            EngineApi.Ack a = f.join();
            statuses.merge(a.status(), 1, Integer::sum);
            ingest.add(a.millis());
            if (a.accepted()) {
                ids.add(a.id());
            }
        }
        long planned = 0;
        long delivered = 0;
        int unsettled = 0;
        for (String id : ids) {
            JsonNode a = d.awaitAlert(id, v -> "DONE".equals(ChannelCount.state(v)) || Driver.smsSettled(v), timeout);
            ChannelCount sms = ChannelCount.of(a, Driver.SMS);
            planned += sms.planned();
            delivered += sms.delivered();
            if (!(sms.settled() || "DONE".equals(ChannelCount.state(a)))) {
                unsettled++;
            }
        }
        d.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(30));
        double allMillis = (System.nanoTime() - start) / 1e6;
        long messages = d.world.smsMessages() - messagesBefore;
        double minimum = Math.max(pushSeconds, planned / d.world.sumOfCaps()) * 1000;
        t.row("alerts pushed / answered 202", alerts + " / " + ids.size(), "every one", ResultTable.met(
                ids.size() == alerts));
        t.row("HTTP answers", statuses.toString(), "", "");
        t.row("POST → 202 latency under the burst", ingest.summary(), "", "");
        t.row("SMS recipients over all alerts", ResultTable.num(planned) + " planned, " + ResultTable.num(delivered)
                + " delivered (ledger), " + ResultTable.num(messages) + " messages at the SMSCs", "", "");
        long lost = Math.max(0, delivered - messages);
        t.row("lost (delivered in the ledger, never at an SMSC)", Long.toString(lost), "0",
                lost == 0 ? "met" : "**LOST**");
        t.row("alerts not settled by the timeout", Integer.toString(unsettled), "0", ResultTable.met(unsettled == 0));
        t.row("first push → every alert settled", ResultTable.s(allMillis), "minimum " + ResultTable.s(minimum)
                + " (push spread " + String.format(Locale.ROOT, "%.1f s", pushSeconds) + ", or recipients / caps)",
                String.format(Locale.ROOT, "%.2fx the minimum", allMillis / minimum));
        t.note("Per-alert ingest → first dispatch is not attributed under a burst (alerts overlap at the SMSCs); "
                + "district-flood measures it on a quiet engine.");
        d.engineRows(t, (System.nanoTime() - t0) / 1e9);
        return t;
    }
}
