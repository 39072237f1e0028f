package io.tocsin.dist.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.targeting.geo.Region;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code city-typhoon --phase-seconds N}: the city-wide warning for directories too large to run to the end at
 * the carriers' caps (18.7 M subscribers at 2,000 SMS/s is 2.6 hours): the warning fans out for N seconds, then
 * an Update supersedes it (its millions of queued SMS are dropped), the Update fans out N seconds, and a Cancel
 * purges what is left. Measured: time to plan the whole city, first dispatch latencies, the sustained fan-out
 * rate against the caps and the same-run raw baseline, the supersede and Cancel purges of millions of queued
 * dispatches, each recipient at most once, and the engine's memory and restart on the large journal.
 */
final class CityTyphoonCapped {
    /** How often the engine is asked for the alert's planned count. */
    private static final long POLL_NANOS = 250_000_000L;
    /** How often the simulators' message counts are read (per-second arrivals to ± this). */
    private static final long COUNT_NANOS = 20_000_000L;

    private CityTyphoonCapped() {
    }

    static ResultTable run(Driver d, Duration timeout, int phaseSeconds) throws Exception {
        long subscribers = d.world.options.subscribers();
        ResultTable t = new ResultTable(String.format(Locale.ROOT,
                "city-typhoon (each fan-out cut after %d s): %,d subscribers, caps %s", phaseSeconds, subscribers,
                d.world.options.caps()));
        long t0 = System.nanoTime();
        d.start();
        List<String> city = d.world.sites.geography().regions().all().stream().map(Region::code).sorted().toList();
        Fanout fan = Fanout.afterBaseline(d, d.world.options.baselineSeconds());
        long messagesBefore = d.world.smsMessages();
        Driver.Pushed warning = d.push(d.caps.districts("台风", city, "广州市台风红色预警"), 0, Duration.ofSeconds(60));
        fan.follow(warning);
        t.row("warning: ingest → first SMS / first CBS", ResultTable.ms(warning.smsMillis()) + " / "
                + ResultTable.ms(warning.cbsMillis()), "one sample each (city-wide)", "");
        Phase w = Phase.follow(d, warning, phaseSeconds);
        w.rows(t, "warning", d, subscribers);

        Driver.Pushed upd = d.push(d.caps.update(warning.cap().ref(), "台风", city, "广州市台风红色预警（更新）"), 0,
                Duration.ofSeconds(60));
        t.row("update: ingest → first CBS (write-replace)", ResultTable.ms(upd.cbsMillis()),
                "(its first SMS cannot be told from the warning's last ones at the SMSCs)", "");
        JsonNode superseded = d.awaitAlert(warning.id(), a -> ChannelCount.of(a, Driver.SMS).queued() <= 0
                && ChannelCount.of(a, Driver.SMS).submitted() == 0, timeout);
        double supersedeMs = (System.nanoTime() - upd.ack().answeredNanos()) / 1e6;
        ChannelCount ws = ChannelCount.of(superseded, Driver.SMS);
        t.row("update: warning's queued SMS dropped (202 → none queued or in flight; 20 ms polling)",
                ResultTable.ms(supersedeMs), ResultTable.num(ws.cancelled()) + " cancelled, "
                        + ResultTable.num(ws.delivered() + ws.accepted()) + " handed over before", "");
        Phase u = Phase.follow(d, upd, phaseSeconds);
        u.rows(t, "update", d, subscribers);

        Driver.Purge purge = d.cancel(upd, "台风", city, 0, timeout);
        t.row("Cancel → purge (202 → ledger shows nothing queued)", ResultTable.ms(purge.ledgerMillis()),
                "target < 100 ms", ResultTable.met(purge.ledgerMillis() < 100));
        t.row("Cancel → CBC DELETE received", ResultTable.ms(purge.cbcDeleteMillis()), "", "");
        t.row("Cancel → last submit_sm", ResultTable.ms(purge.lastPduMillis()) + ", " + purge.pdusAfterAck()
                + " submit_sm after the 202", "in flight: window " + d.world.options.window() + " per carrier", "");
        t.row("update after the Cancel (ledger)", purge.smsAfter().toString(), "", "");
        ChannelCount wEnd = ChannelCount.of(d.world.api().alert(warning.id()), Driver.SMS);
        long handedOver = reached(wEnd) + reached(purge.smsAfter());
        long arrived = d.world.smsMessages() - messagesBefore;
        t.row("messages at the SMSCs since the warning / handed over per the ledger (warning + update)",
                ResultTable.num(arrived) + " / " + ResultTable.num(reached(wEnd)) + " + "
                        + ResultTable.num(reached(purge.smsAfter())), "equal: nothing lost, nothing twice",
                arrived == handedOver ? "each once" : "**not exact**");
        d.engineRows(t, (System.nanoTime() - t0) / 1e9);
        return t;
    }

    /** SMS the SMSCs took (delivered, awaiting a receipt or of unknown outcome). */
    private static long reached(ChannelCount c) {
        return c.delivered() + c.accepted() + c.unknown();
    }

    /** One capped fan-out: planned count and SMSC messages sampled every 250 ms for the phase. */
    private record Phase(double plannedMs, long planned, double rate, double seconds, long messages,
                         List<Long> perSecond, long throttled) {

        static Phase follow(Driver d, Driver.Pushed p, int seconds) throws InterruptedException {
            long start = p.ack().answeredNanos();
            long end = start + seconds * 1_000_000_000L;
            long messages0 = d.world.smsMessages();
            long throttled0 = d.world.smsThrottled();
            long planned = 0;
            double plannedMs = Double.NaN;
            long rateFrom = 0;
            long rateFromCount = 0;
            List<Long> perSecond = new java.util.ArrayList<>();
            long lastSecondCount = messages0;
            long lastAsked = 0;
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                if (now - start >= (perSecond.size() + 1) * 1_000_000_000L) {
                    long count = d.world.smsMessages();
                    perSecond.add(count - lastSecondCount); // arrivals in the second just ended (± one poll)
                    lastSecondCount = count;
                }
                if (now - lastAsked >= POLL_NANOS) {
                    lastAsked = now;
                    long n = ChannelCount.of(d.world.api().alert(p.id()), Driver.SMS).planned();
                    if (n > planned) {
                        planned = n;
                        plannedMs = (now - start) / 1e6;
                    }
                }
                if (rateFrom == 0 && now - start >= 5_000_000_000L) {
                    rateFrom = now;
                    rateFromCount = d.world.smsMessages();
                }
                java.util.concurrent.locks.LockSupport.parkNanos(COUNT_NANOS); // sampling the simulators' counts
            }
            long now = System.nanoTime();
            double rate = rateFrom == 0 ? Double.NaN
                    : (d.world.smsMessages() - rateFromCount) / ((now - rateFrom) / 1e9);
            return new Phase(plannedMs, planned, rate, (now - start) / 1e9, d.world.smsMessages() - messages0,
                    perSecond, d.world.smsThrottled() - throttled0);
        }

        void rows(ResultTable t, String label, Driver d, long subscribers) {
            t.row(label + ": SMS planned (ledger) and when the count stopped growing", ResultTable.num(planned)
                    + " after " + ResultTable.s(plannedMs), "directory " + ResultTable.num(subscribers), "");
            double caps = d.world.sumOfCaps();
            t.row(label + ": fan-out rate (5 s → " + Math.round(seconds) + " s)", String.format(Locale.ROOT,
                    "%,.0f messages/s (%,d in %.0f s)", rate, messages, seconds), String.format(Locale.ROOT,
                    "sum of caps %,.0f/s; target >= 95%%", caps), String.format(Locale.ROOT, "%.1f%% of caps, %s",
                    rate / caps * 100, ResultTable.met(rate / caps >= 0.95)));
            if (perSecond.size() > 5) {
                List<Long> after5 = perSecond.subList(5, perSecond.size()).stream().sorted().toList();
                int first95 = -1;
                for (int i = 0; i < perSecond.size() && first95 < 0; i++) {
                    if (perSecond.get(i) >= 0.95 * caps) {
                        first95 = i + 1;
                    }
                }
                t.row(label + ": SMSC arrivals per second after 5 s (min / median / max; counted every "
                                + COUNT_NANOS / 1_000_000 + " ms)", after5.get(0) + " / " + after5.get(after5.size() / 2)
                                + " / " + after5.get(after5.size() - 1), first95 < 0 ? "never a second at 95% of caps"
                                : "first second at >= 95% of caps: second " + first95, "");
                t.row(label + ": submit_sm the SMSCs throttled (0x58) during the phase", ResultTable.num(throttled),
                        "0 when the engine paces itself exactly to the caps", "");
            }
        }
    }
}
