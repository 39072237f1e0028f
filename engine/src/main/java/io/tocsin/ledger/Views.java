package io.tocsin.ledger;

import io.tocsin.cap.AlertInfo;
import io.tocsin.connector.DispatchState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds immutable {@link AlertView}s from ledger entries (pipeline thread). */
final class Views {
    private Views() {
    }

    static AlertView of(AlertEntry e) {
        AlertInfo first = e.alert.infos().isEmpty() ? null : e.alert.infos().get(0);
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
        List<TimelineEntry> timeline = new ArrayList<>(e.timeline);
        if (e.timelineDropped > 0) {
            timeline.add(new TimelineEntry(e.timeline.get(e.timeline.size() - 1).at(), "timeline truncated",
                    e.timelineDropped + " later entries not shown"));
        }
        return new AlertView(e.id, e.alert.sender(), e.alert.identifier(), e.alert.sent(), e.alert.status(),
                e.alert.msgType(),
                first == null ? null : first.event(),
                first == null ? null : first.headline(),
                first == null ? null : first.severity(),
                first == null ? null : first.urgency(),
                e.publisher, e.state, e.receivedAt, e.expires,
                Map.copyOf(channels), List.copyOf(timeline));
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
        return new DeliveryView(e.id, e.alert, e.replaces, e.supersededBy, e.cancelledBy, Map.copyOf(channels),
                java.util.Collections.unmodifiableMap(regions), e.corrected);
    }
}
