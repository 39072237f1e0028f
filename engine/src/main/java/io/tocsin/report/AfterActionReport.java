package io.tocsin.report;

import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.ledger.ChannelDeliveryView;
import io.tocsin.ledger.DeliveryView;
import io.tocsin.ledger.LedgerView;
import io.tocsin.ledger.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the after-action report of one alert from ledger snapshots (and, when the engine has geography,
 * {@link ReportGeography} estimates): timeline, per-channel reach and delivery times, failures by reason,
 * retries, duplicates, cancellations and time-to-correct. The result is a JSON-ready map in a stable order;
 * {@link ReportHtml} renders the same map for people. Thread-safe (reads immutable snapshots only).
 */
public final class AfterActionReport {

    private final LedgerView ledger;
    private final ReportGeography geography;

    /** {@code geography} may be null (an engine without geography reports no reach per region). */
    public AfterActionReport(LedgerView ledger, ReportGeography geography) {
        this.ledger = ledger;
        this.geography = geography;
    }

    public Optional<Map<String, Object>> build(String alertId) {
        Optional<AlertView> found = ledger.alert(alertId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AlertView a = found.get();
        DeliveryView d = ledger.delivery(alertId).orElse(null);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("alert", alertSection(a));
        r.put("timeline", timeline(a, d));
        r.put("channels", channels(a, d));
        r.put("totals", totals(a, d));
        r.put("corrections", corrections(a, d));
        Map<String, Object> reach = new LinkedHashMap<>();
        if (geography != null && d != null) {
            reach.putAll(geography.estimate(d.alert()));
        } else {
            reach.put("note", "no geography configured: reach per region not estimated");
        }
        if (d != null) {
            DeliveredReach.add(reach, d.regions());
        }
        r.put("reach", reach);
        DrillSection.of(a).ifPresent(drill -> r.put("drill", drill));
        r.put("events", a.timeline());
        return Optional.of(r);
    }

    private static Map<String, Object> alertSection(AlertView a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("identifier", a.identifier());
        m.put("sender", a.sender());
        m.put("sent", a.sent());
        m.put("status", a.status());
        m.put("exercise", !"Actual".equals(a.status()));
        m.put("msgType", a.msgType());
        m.put("event", a.event());
        m.put("headline", a.headline());
        m.put("severity", a.severity());
        m.put("urgency", a.urgency());
        m.put("publisher", a.publisher());
        m.put("state", a.state());
        return m;
    }

    private static Map<String, Object> timeline(AlertView a, DeliveryView d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("received", a.receivedAt());
        for (TimelineEntry t : a.timeline()) {
            switch (t.event()) {
                case "pending approval", "approved", "rejected", "cancelled", "superseded", "expired", "done" ->
                        m.putIfAbsent(t.event(), event(a, t));
                default -> { }
            }
        }
        if (d != null) {
            d.channels().forEach((key, c) -> {
                Map<String, Object> ch = new LinkedHashMap<>();
                ch.put("firstDispatch", c.firstDispatch());
                ch.put("lastDispatch", c.lastDispatch());
                ch.put("firstDispatchAfterMs", ms(a.receivedAt(), c.firstDispatch()));
                ch.put("lastDispatchAfterMs", ms(a.receivedAt(), c.lastDispatch()));
                ch.put("msToDelivered", c.millisToDelivered());
                ch.put("msToAccepted", c.millisToAccepted());
                m.put(key, ch);
            });
        }
        return m;
    }

    private static Map<String, Object> channels(AlertView a, DeliveryView d) {
        Map<String, Object> m = new LinkedHashMap<>();
        a.channels().forEach((key, c) -> {
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("planned", c.planned());
            ch.put("queued", queued(c));
            ch.put("submitted", c.submitted());
            ch.put("accepted", c.accepted());
            ch.put("delivered", c.delivered());
            ch.put("failed", c.failed());
            ch.put("expired", c.expired());
            ch.put("cancelled", c.cancelled());
            ch.put("unknown", c.unknown());
            ChannelDeliveryView v = d == null ? null : d.channels().get(key);
            if (v != null) {
                ch.put("deliveredShare", c.planned() == 0 ? 0 : Math.round(1000.0 * c.delivered() / c.planned()) / 1000.0);
                ch.put("failuresByReason", new TreeMap<>(v.failures()));
                ch.put("retries", v.retries());
                ch.put("duplicateReceipts", v.duplicates());
            }
            m.put(key, ch);
        });
        return m;
    }

    private static Map<String, Object> totals(AlertView a, DeliveryView d) {
        long planned = 0, delivered = 0, failed = 0, expired = 0, cancelled = 0, unknown = 0, retries = 0, dups = 0;
        Map<String, Long> failures = new TreeMap<>();
        for (Map.Entry<String, ChannelCounters> e : a.channels().entrySet()) {
            ChannelCounters c = e.getValue();
            planned += c.planned();
            delivered += c.delivered();
            failed += c.failed();
            expired += c.expired();
            cancelled += c.cancelled();
            unknown += c.unknown();
        }
        if (d != null) {
            for (ChannelDeliveryView v : d.channels().values()) {
                retries += v.retries();
                dups += v.duplicates();
                v.failures().forEach((k, n) -> failures.merge(k, n, Long::sum));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("planned", planned);
        m.put("delivered", delivered);
        m.put("failed", failed);
        m.put("expired", expired);
        m.put("cancelled", cancelled);
        m.put("unknown", unknown);
        m.put("retries", retries);
        m.put("duplicateReceipts", dups);
        m.put("failuresByReason", failures);
        return m;
    }

    private Map<String, Object> corrections(AlertView a, DeliveryView d) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (d == null) {
            return m;
        }
        String by = d.cancelledBy() != null ? d.cancelledBy() : d.supersededBy();
        if (by != null) {
            m.put(d.cancelledBy() != null ? "cancelledBy" : "supersededBy", by);
            ledger.alert(by).ifPresent(c -> {
                m.put("correctionReceived", c.receivedAt());
                m.put("msToCorrectionReceived", ms(a.receivedAt(), c.receivedAt()));
                lastOut(ledger.delivery(by).orElse(null)).ifPresent(t -> {
                    m.put("correctionOutAt", t);
                    m.put("msToCorrected", ms(a.receivedAt(), t));
                });
            });
            lastOut(d, true).ifPresent(t -> {
                m.put("withdrawalsOutAt", t);
                m.put("msToWithdrawn", ms(a.receivedAt(), t));
            });
        }
        if (d.replaces() != null) {
            m.put("corrects", d.replaces());
            ledger.delivery(d.replaces()).map(DeliveryView::corrected).ifPresent(t -> m.put("timeToCorrect", timing(t)));
        }
        if (d.corrected() != null) {
            m.put("timeToCorrect", timing(d.corrected()));
        }
        List<String> cancelled = new ArrayList<>();
        for (TimelineEntry t : a.timeline()) {
            if (t.event().equals("cancels")) {
                cancelled.add(t.detail());
            }
        }
        if (!cancelled.isEmpty()) {
            m.put("cancels", cancelled);
        }
        return m;
    }

    /** The measured time-to-correct (journaled times; the audit chain holds the same line). */
    private static Map<String, Object> timing(io.tocsin.ledger.CorrectionTiming t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("original", t.originalId());
        m.put("correctedBy", t.correctedBy());
        m.put("originalFirstDispatch", t.originalFirstDispatch());
        m.put("correctionAccepted", t.correctionAccepted());
        m.put("originalPurged", t.originalPurged());
        m.put("purgedDispatches", t.purgedDispatches());
        m.put("correctionFirstDispatch", t.correctionFirstDispatch());
        m.put("msCorrectionAcceptedToFirstDispatch", t.millisFromCorrectionToFirstDispatch());
        m.put("msOriginalFirstDispatchToCorrectionFirstDispatch", t.millisFromOriginalToCorrectionDispatch());
        m.put("msCorrectionAcceptedToPurge", t.millisFromCorrectionToPurge());
        m.put("msOriginalFirstDispatchToPurge", t.millisFromOriginalToPurge());
        return m;
    }

    /** When the last dispatch of the correction was accepted or delivered (or handed over). */
    private static Optional<Instant> lastOut(DeliveryView d) {
        return lastOut(d, false);
    }

    private static Optional<Instant> lastOut(DeliveryView d, boolean withdrawalsOnly) {
        if (d == null) {
            return Optional.empty();
        }
        Instant last = null;
        for (Map.Entry<String, ChannelDeliveryView> e : d.channels().entrySet()) {
            if (withdrawalsOnly && !e.getKey().endsWith("/cancel")) {
                continue;
            }
            ChannelDeliveryView c = e.getValue();
            Instant t = c.lastDelivered() != null ? c.lastDelivered()
                    : c.lastAccepted() != null ? c.lastAccepted() : c.lastDispatch();
            if (t != null && (last == null || t.isAfter(last))) {
                last = t;
            }
        }
        return Optional.ofNullable(last);
    }

    private static Map<String, Object> event(AlertView a, TimelineEntry t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", t.at());
        m.put("afterMs", ms(a.receivedAt(), t.at()));
        m.put("detail", t.detail());
        return m;
    }

    private static long queued(ChannelCounters c) {
        return c.planned() - c.submitted() - c.accepted() - c.delivered() - c.failed() - c.expired()
                - c.cancelled() - c.unknown();
    }

    private static Long ms(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }
}
