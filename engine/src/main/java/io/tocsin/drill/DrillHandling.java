package io.tocsin.drill;

import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.TimelineEntry;
import java.time.Duration;
import java.time.Instant;

/**
 * How operators handled a drill's alert, read from the ledger's journaled timeline: the first operator decision
 * (approved, rejected or cancelled), by whom, when, and how long after injection; or that nobody acted before
 * it expired. Immutable.
 *
 * @param action   "approved", "rejected", "cancelled", "expired" (nobody acted in time) or null (still waiting)
 * @param detail   the timeline's detail (names the operator and any reason)
 * @param msToHandle milliseconds from injection to the action (null while waiting)
 */
public record DrillHandling(String alertId, String status, Instant injectedAt, String action, Instant at,
                           String detail, Long msToHandle) {

    static DrillHandling of(AlertView a) {
        for (TimelineEntry t : a.timeline()) {
            String e = t.event();
            if (e.equals("approved") || e.equals("rejected") || e.equals("cancelled") || e.equals("expired")) {
                Long ms = a.receivedAt() == null ? null : Duration.between(a.receivedAt(), t.at()).toMillis();
                return new DrillHandling(a.id(), a.status(), a.receivedAt(), e, t.at(), t.detail(), ms);
            }
        }
        return new DrillHandling(a.id(), a.status(), a.receivedAt(), null, null, null, null);
    }
}
