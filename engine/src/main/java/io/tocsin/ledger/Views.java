package io.tocsin.ledger;

import io.tocsin.connector.DispatchState;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds immutable {@link AlertView}s from ledger entries (pipeline thread). */
final class Views {
    private Views() {
    }

    static AlertView of(AlertEntry e) {
        Map<String, ChannelCounters> channels = new LinkedHashMap<>();
        e.counters.forEach((key, c) -> channels.put(key, new ChannelCounters(
                c[AlertEntry.PLANNED_TOTAL],
                c[DispatchState.SUBMITTED.ordinal()],
                c[DispatchState.ACCEPTED.ordinal()],
                c[DispatchState.DELIVERED.ordinal()],
                c[DispatchState.FAILED.ordinal()],
                c[DispatchState.EXPIRED.ordinal()],
                c[DispatchState.CANCELLED.ordinal()],
                c[DispatchState.UNKNOWN.ordinal()])));
        Timeline timeline = e.timelineDropped == 0 ? e.timeline : e.timeline.plus(new TimelineEntry(
                e.timeline.last().at(), "timeline truncated", e.timelineDropped + " later entries not shown"));
        return new AlertView(e.id, e.sender, e.identifier, e.sent, e.status, e.msgType, e.event, e.headline,
                e.severity, e.urgency, e.publisher, e.state, e.receivedAt, e.expires,
                Map.copyOf(channels), timeline);
    }

    static DeliveryView delivery(AlertEntry e) {
        Map<String, ChannelDeliveryView> channels = new LinkedHashMap<>();
        e.delivery.forEach((key, d) -> {
            long[] c = e.counters.get(key);
            channels.put(key, d.view(c == null ? 0 : c[AlertEntry.PLANNED_TOTAL]));
        });
        Map<String, RegionDelivery> regions = new LinkedHashMap<>();
        e.regions.forEach((code, r) -> regions.put(code, new RegionDelivery(r[AlertEntry.REGION_PLANNED],
                r[AlertEntry.REGION_DELIVERED], r[AlertEntry.REGION_FAILED])));
        // null once the model was dropped: PublishedLedger reloads it for the reader that asks
        return new DeliveryView(e.id, e.alertIfHeld(), e.replaces, e.supersededBy, e.cancelledBy, Map.copyOf(channels),
                regions.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(regions), e.corrected);
    }
}
