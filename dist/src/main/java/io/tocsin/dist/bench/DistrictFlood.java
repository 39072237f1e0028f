package io.tocsin.dist.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.targeting.geo.Region;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code district-flood}: red flood warnings for single districts. {@code probes - 1} warnings (districts in
 * turn, publishers in turn) are each pushed on a quiet engine, timed to their first SMS and first CBS request,
 * then cancelled at once and timed to the purge (the first of them, on a cold JVM, is reported apart from the
 * percentiles); the last warning, for the most populous district (never
 * probed, so its recipients are fresh), runs to its end and is judged against the carriers' caps.
 */
final class DistrictFlood {
    private DistrictFlood() {
    }

    static ResultTable run(Driver d, int probes, Duration timeout) throws Exception {
        ResultTable t = new ResultTable(String.format(Locale.ROOT,
                "district-flood: %,d subscribers, caps %s, %d probes", d.world.options.subscribers(),
                d.world.options.caps(), probes));
        long t0 = System.nanoTime();
        d.start();
        List<Region> districts = d.world.sites.geography().regions().all().stream()
                .sorted(Comparator.comparingLong(Region::population).reversed()).toList();
        Region last = districts.get(0);
        List<Region> probed = districts.subList(1, districts.size());
        Samples sms = new Samples();
        Samples cbs = new Samples();
        Samples purge = new Samples();
        Samples delete = new Samples();
        Samples lastPdu = new Samples();
        Samples getRoundTrip = new Samples();
        int atFirstGet = 0;
        long afterAck = 0;
        Driver.Pushed cold = null;
        Driver.Purge coldPurge = null;
        for (int i = 0; i < probes - 1; i++) {
            Region r = probed.get(i % probed.size());
            Driver.Pushed p = d.push(d.caps.districts("暴雨", List.of(r.code()), r.nameZh() + "暴雨红色预警"), i,
                    Duration.ofSeconds(10));
            Driver.Purge c = d.cancel(p, "暴雨", List.of(r.code()), i, timeout);
            if (i == 0) {
                cold = p;
                coldPurge = c;
            } else {
                sms.add(p.smsMillis());
                cbs.add(p.cbsMillis());
                purge.add(c.ledgerMillis());
                delete.add(c.cbcDeleteMillis());
                lastPdu.add(c.lastPduMillis());
                getRoundTrip.add(c.getRoundTripMillis());
                atFirstGet += c.atFirstGet() ? 1 : 0;
            }
            afterAck = Math.max(afterAck, c.pdusAfterAck());
            d.log.printf(Locale.ROOT, "probe %d %s: first SMS %.1f ms, first CBS %.1f ms after the 202; cancel purged"
                    + " in %.1f ms, CBC DELETE after %.1f ms, %d submit_sm after the Cancel's 202%n", i, r.nameEn(),
                    p.smsMillis(), p.cbsMillis(), c.ledgerMillis(), c.cbcDeleteMillis(), c.pdusAfterAck());
        }
        Fanout fan = Fanout.afterBaseline(d, d.world.options.baselineSeconds());
        Driver.Pushed p = d.push(d.caps.districts("暴雨", List.of(last.code()), last.nameZh() + "暴雨红色预警"), 0,
                Duration.ofSeconds(10));
        fan.follow(p);
        sms.add(p.smsMillis());
        cbs.add(p.cbsMillis());
        JsonNode settled = fan.awaitSettled(timeout);
        t.row("ingest → first SMS (202 → first submit_sm at an SMSC)", sms.summary(), "target p99 < 50 ms",
                ResultTable.met(sms.percentile(99) < 50));
        t.row("ingest → first CBS (202 → first ECBE POST at a CBC)", cbs.summary(), "target p99 < 50 ms",
                ResultTable.met(cbs.percentile(99) < 50));
        if (cold != null) {
            t.row("first alert after the engine started (cold JIT; not in the figures above)", "first SMS "
                    + ResultTable.ms(cold.smsMillis()) + ", first CBS " + ResultTable.ms(cold.cbsMillis())
                    + ", its Cancel purged in " + ResultTable.ms(coldPurge.ledgerMillis()), "", "");
        }
        if (purge.size() > 0) {
            t.row("Cancel → purge (202 → answer of the GET that shows nothing of the alert queued)", purge.summary(),
                    "target < 100 ms", ResultTable.met(purge.max() < 100));
            t.row("Cancel: purge already visible to the first GET after the 202", atFirstGet + " of " + purge.size(),
                    "the engine purges before it answers 202", atFirstGet == purge.size()
                            ? "the figure above is the GET's own round trip" : "");
            t.row("same-run baseline: that first GET's round trip (harness → engine → harness)",
                    getRoundTrip.summary(), "", "");
            t.row("Cancel → CBC DELETE received", delete.summary(), "", "");
            t.row("Cancel → last submit_sm of the cancelled alert", lastPdu.summary() + ", at most " + afterAck
                    + " submit_sm after the 202", "in flight: window " + d.world.options.window() + " per carrier", "");
        }
        d.log.println("final fan-out: " + last.nameEn() + " " + ChannelCount.of(settled, Driver.SMS));
        fan.rows(t, last.nameEn() + " warning", settled);
        d.engineRows(t, (System.nanoTime() - t0) / 1e9);
        return t;
    }
}
