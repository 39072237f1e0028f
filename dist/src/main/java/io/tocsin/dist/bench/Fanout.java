package io.tocsin.dist.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;

/**
 * One alert's SMS fan-out followed to its end and judged: times to 50/90/99/100% of its recipients in the SMSC
 * inboxes against the theoretical minimum (recipients × segments / sum of the carriers' caps), the sustained rate
 * between 10% and 90% against the sum of the caps, and exactness (each recipient once). Not thread-safe.
 */
final class Fanout {
    private final Driver d;
    private Driver.Pushed pushed;
    private double rawRate = Double.NaN;
    private final DeliveryCurve curve;
    private final long segmentsBefore;
    private final int recipientsBefore;
    private final long duplicatesBefore;
    private final java.util.Map<String, DeliveryCurve> byCarrier = new java.util.LinkedHashMap<>();

    /** Call before pushing (counts start here); then {@link #follow}. */
    Fanout(Driver d) {
        this.d = d;
        this.segmentsBefore = d.world.smsSegments();
        this.recipientsBefore = d.world.smscs().values().stream().mapToInt(s -> s.inbox().recipients()).sum();
        this.duplicatesBefore = d.world.smscs().values().stream().mapToLong(s -> s.inbox().duplicates()).sum();
        this.curve = new DeliveryCurve(d.world::smsMessages, d.world::engine);
        d.world.smscs().forEach((carrier, smsc) -> byCarrier.put(carrier,
                new DeliveryCurve(() -> smsc.inbox().messages(), () -> null)));
    }

    /**
     * Measures the same-run baseline, then starts counting (call before the push): raw jSMPP clients at the caps against the same SMSCs for
     * {@code seconds} (their numbers are outside the directory, so exactness is unaffected).
     */
    static Fanout afterBaseline(Driver d, double seconds) throws Exception {
        double raw = seconds > 0 ? RawSmppBaseline.measure(d.world.smscs(), d.world.options.caps(), seconds)
                : Double.NaN;
        d.log.printf(Locale.ROOT, "raw jSMPP baseline at the caps: %,.0f submit_sm/s%n", raw);
        Fanout f = new Fanout(d);
        f.rawRate = raw;
        return f;
    }

    /** The alert to follow; times count from its 202. */
    Fanout follow(Driver.Pushed p) {
        this.pushed = p;
        curve.startAt(p.ack().answeredNanos());
        byCarrier.values().forEach(c -> c.startAt(p.ack().answeredNanos()));
        return this;
    }

    DeliveryCurve curve() {
        return curve;
    }

    /** SMS planned for the alert so far (0 until targeting has run). */
    long planned() {
        return ChannelCount.of(d.world.api().alert(pushed.id()), Driver.SMS).planned();
    }

    /** Waits until every SMS of the alert is settled; returns its view. */
    JsonNode awaitSettled(Duration wait) throws InterruptedException {
        JsonNode a = d.awaitAlert(pushed.id(), Driver::smsSettled, wait);
        d.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(30));
        curve.stop();
        for (DeliveryCurve c : byCarrier.values()) {
            c.stop();
        }
        return a;
    }

    /**
     * The carriers' share of the recipients need not match their share of the caps (the generated directory is
     * 60/20/20, the caps 50/25/25), so the sum of the caps is not reachable to the end: the largest carrier is
     * still sending when the others are done. Adds, per carrier, its rate (10%→90% of its own messages) against its
     * cap, and the rate the caps allow for this mix (every carrier exactly at its cap until its share is done)
     * with the measured rate against it.
     */
    private void carrierRows(ResultTable t, String label, double segs, double measured) {
        java.util.Map<String, Double> caps = d.world.options.caps();
        java.util.Map<String, Long> n = new java.util.LinkedHashMap<>();
        StringBuilder per = new StringBuilder();
        double worst = Double.POSITIVE_INFINITY;
        for (java.util.Map.Entry<String, DeliveryCurve> e : byCarrier.entrySet()) {
            long messages = e.getValue().current();
            double cap = caps.getOrDefault(e.getKey(), 0.0);
            n.put(e.getKey(), messages);
            if (messages == 0 || cap <= 0) {
                continue;
            }
            double r = e.getValue().ratePerSecond(0.1, 0.9, messages) * segs;
            worst = Math.min(worst, r / cap);
            per.append(per.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %,d msgs %,.0f/s = %.1f%% of %,.0f",
                    e.getKey(), messages, r, r / cap * 100, cap));
        }
        if (per.length() == 0) {
            return;
        }
        t.row(label + ": per carrier, rate (10%→90% of its messages) vs its cap", per.toString(),
                "each carrier >= 95% of its cap", String.format(Locale.ROOT, "lowest %.1f%%, %s", worst * 100,
                        ResultTable.met(worst >= 0.95)));
        double ideal = idealRate(n, caps, segs);
        double allOut = 0;
        for (java.util.Map.Entry<String, Long> e : n.entrySet()) {
            double cap = caps.getOrDefault(e.getKey(), 0.0);
            allOut = cap <= 0 ? allOut : Math.max(allOut, e.getValue() * segs / cap);
        }
        t.row(label + ": rate the caps allow for this carrier mix (10%→90%)", String.format(Locale.ROOT,
                "%,.0f submit_sm/s (%.1f%% of the sum of caps); 100%% at the earliest after %.1f s", ideal,
                ideal / d.world.sumOfCaps() * 100, allOut), "",
                String.format(Locale.ROOT, "engine fan-out = %.1f%% of it", measured / ideal * 100));
    }

    /** 10%→90% rate when each carrier sends at exactly its cap until its own messages are done. */
    static double idealRate(java.util.Map<String, Long> messages, java.util.Map<String, Double> caps, double segs) {
        long total = messages.values().stream().mapToLong(Long::longValue).sum();
        double t10 = timeTo(0.1 * total, messages, caps, segs);
        double t90 = timeTo(0.9 * total, messages, caps, segs);
        return t90 > t10 ? 0.8 * total * segs / (t90 - t10) : Double.NaN;
    }

    /** Seconds until {@code target} messages are out at the caps (bisection over a monotone curve). */
    private static double timeTo(double target, java.util.Map<String, Long> messages, java.util.Map<String, Double> caps,
                                 double segs) {
        double lo = 0;
        double hi = 1;
        while (delivered(hi, messages, caps, segs) < target && hi < 1e9) {
            hi *= 2;
        }
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (delivered(mid, messages, caps, segs) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private static double delivered(double seconds, java.util.Map<String, Long> messages,
                                    java.util.Map<String, Double> caps, double segs) {
        double sum = 0;
        for (java.util.Map.Entry<String, Long> e : messages.entrySet()) {
            double cap = caps.getOrDefault(e.getKey(), 0.0);
            sum += cap <= 0 ? e.getValue() : Math.min(e.getValue(), cap / segs * seconds);
        }
        return sum;
    }

    /** Adds the rows of a fan-out that ran to its end; returns whether it was exact (each recipient once). */
    boolean rows(ResultTable t, String label, JsonNode settled) {
        ChannelCount sms = ChannelCount.of(settled, Driver.SMS);
        long planned = sms.planned();
        long messages = curve.current();
        long segments = d.world.smsSegments() - segmentsBefore;
        double segsPerMessage = messages == 0 ? 1 : (double) segments / messages;
        double caps = d.world.sumOfCaps();
        double minimumMs = planned * segsPerMessage / caps * 1000;
        t.row(label + ": SMS recipients", ResultTable.num(planned) + " planned, " + ResultTable.num(sms.delivered())
                + " delivered (ledger), " + ResultTable.num(messages) + " messages at the SMSCs, "
                + String.format(Locale.ROOT, "%.2f", segsPerMessage) + " segments each", "", "");
        for (double share : new double[] {0.5, 0.9, 0.99, 1.0}) {
            double ms = curve.millisTo(share, planned);
            double ratio = ms / (minimumMs * share);
            t.row(String.format(Locale.ROOT, "%s: time to %.0f%% delivered", label, share * 100), ResultTable.s(ms),
                    "minimum " + ResultTable.s(minimumMs * share), String.format(Locale.ROOT, "%.2fx the minimum", ratio));
        }
        double rate = curve.ratePerSecond(0.1, 0.9, planned) * segsPerMessage;
        double ratio = rate / caps;
        t.row(label + ": fan-out rate (10%→90%)", String.format(Locale.ROOT, "%,.0f submit_sm/s", rate),
                String.format(Locale.ROOT, "sum of caps %,.0f/s; target >= 95%%", caps),
                String.format(Locale.ROOT, "%.1f%% of caps, %s", ratio * 100, ResultTable.met(ratio >= 0.95)));
        carrierRows(t, label, segsPerMessage, rate);
        if (!Double.isNaN(rawRate)) {
            t.row(label + ": same-run baseline, raw jSMPP paced to the caps (no engine)", String.format(Locale.ROOT,
                    "%,.0f submit_sm/s (%.1f%% of caps)", rawRate, rawRate / caps * 100), "", String.format(Locale.ROOT,
                    "engine fan-out = %.2f of the raw baseline", rate / rawRate));
        }
        int recipients = d.world.smscs().values().stream().mapToInt(s -> s.inbox().recipients()).sum()
                - recipientsBefore;
        long duplicates = d.world.smscs().values().stream().mapToLong(s -> s.inbox().duplicates()).sum()
                - duplicatesBefore;
        boolean exact = recipients == planned && duplicates == 0 && sms.delivered() == planned;
        t.row(label + ": exactness", ResultTable.num(recipients) + " distinct recipients, " + duplicates
                + " duplicates", "planned " + ResultTable.num(planned), exact ? "each once" : "**not exact**");
        JsonNode report = d.world.api().report(pushed.id());
        JsonNode engineTimes = report == null ? null : report.path("timeline").path(Driver.SMS).path("msToDelivered");
        if (engineTimes != null && !engineTimes.isMissingNode()) {
            t.row(label + ": engine's own report, ms to delivered", engineTimes.toString(), "receipts in the ledger", "");
        }
        return exact;
    }
}
