package io.tocsin.dist.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.targeting.geo.Region;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code city-typhoon}: a red typhoon warning for all eleven districts runs to its end (every subscriber once);
 * then an Update with a new text goes out, and halfway through its fan-out a Cancel purges the rest.
 */
final class CityTyphoon {
    private CityTyphoon() {
    }

    static ResultTable run(Driver d, Duration timeout) throws Exception {
        ResultTable t = new ResultTable(String.format(Locale.ROOT, "city-typhoon: %,d subscribers, caps %s",
                d.world.options.subscribers(), d.world.options.caps()));
        long t0 = System.nanoTime();
        d.start();
        List<String> city = d.world.sites.geography().regions().all().stream().map(Region::code).sorted().toList();
        Fanout fan = Fanout.afterBaseline(d, d.world.options.baselineSeconds());
        Driver.Pushed warning = d.push(d.caps.districts("台风", city, "广州市台风红色预警"), 0, Duration.ofSeconds(30));
        fan.follow(warning);
        JsonNode settled = fan.awaitSettled(timeout);
        t.row("warning: ingest → first SMS / first CBS", ResultTable.ms(warning.smsMillis()) + " / "
                + ResultTable.ms(warning.cbsMillis()), "one sample each (city-wide)", "");
        boolean exact = fan.rows(t, "warning", settled);
        d.log.println("warning settled: " + ChannelCount.of(settled, Driver.SMS) + (exact ? " exact" : " NOT exact"));

        DeliveryCurve update = new DeliveryCurve(d.world::smsMessages, d.world::engine);
        Driver.Pushed upd = d.push(d.caps.update(warning.cap().ref(), "台风", city, "广州市台风红色预警（更新）"), 0,
                Duration.ofSeconds(30));
        update.startAt(upd.ack().answeredNanos());
        t.row("update: ingest → first SMS / first CBS (write-replace)", ResultTable.ms(upd.smsMillis()) + " / "
                + ResultTable.ms(upd.cbsMillis()), "", "");
        long half = Math.max(1, ChannelCount.of(settled, Driver.SMS).planned() / 2);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (update.current() < half && System.nanoTime() < deadline) {
            Thread.sleep(20); // polling the simulators' inboxes
        }
        update.stop();
        t.row("update: time to 50% re-delivered", ResultTable.s(update.millisTo(1.0, half)), "", "");
        Driver.Purge purge = d.cancel(upd, "台风", city, 0, timeout);
        t.row("Cancel → purge (202 → answer of the GET that shows nothing queued)", ResultTable.ms(purge.ledgerMillis()),
                "target < 100 ms", ResultTable.met(purge.ledgerMillis() < 100));
        t.row("Cancel: purge already visible to the first GET after the 202", purge.atFirstGet() ? "yes" : "no",
                "that GET's round trip " + ResultTable.ms(purge.getRoundTripMillis()), "");
        t.row("Cancel → CBC DELETE received", ResultTable.ms(purge.cbcDeleteMillis()), "", "");
        t.row("Cancel → last submit_sm", ResultTable.ms(purge.lastPduMillis()) + ", " + purge.pdusAfterAck()
                + " submit_sm after the 202", "in flight: window " + d.world.options.window() + " per carrier", "");
        t.row("update after the Cancel (ledger)", purge.smsAfter().toString(), "", "");
        long cbcDeleted = d.world.cbcs().values().stream().mapToLong(c -> c.counters().deleted.get()).sum();
        long cbcReplaced = d.world.cbcs().values().stream().mapToLong(c -> c.counters().replaced.get()).sum();
        t.row("CBCs: write-replace / deleted", cbcReplaced + " / " + cbcDeleted, "3 carriers", "");
        d.engineRows(t, (System.nanoTime() - t0) / 1e9);
        return t;
    }
}
