package io.tocsin.ledger;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Severity;
import io.tocsin.cap.Urgency;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's mutable record of one alert. Owned by the pipeline thread; readers see {@link AlertView}
 * snapshots only.
 */
public final class AlertEntry {
    static final int MAX_TIMELINE = 200;
    /** counters[key][DispatchState.ordinal()] = dispatches in that state now; [PLANNED_TOTAL] = ever planned. */
    static final int PLANNED_TOTAL = DispatchState.values().length;

    final String id;
    final long number;
    final Alert alert;
    final String publisher;
    final Instant receivedAt;
    final Instant expires;
    int priorityClass;
    AlertState state;
    /** Accepted on the pre-approved correction path (no approval, queue class 0). */
    boolean correction;
    /** When this alert was corrected (cancelled or superseded while it had been released), else null. */
    CorrectionTiming corrected;
    int sequence;
    String replaces;
    String supersededBy;
    String cancelledBy;
    Alert cancelContent;
    boolean areasPlanned;
    boolean recipientsPlanned;
    long recipientsConsumed;
    long pending;
    final List<DispatchBatch> batches = new ArrayList<>();
    final Map<String, long[]> counters = new LinkedHashMap<>();
    final Map<String, ChannelDelivery> delivery = new LinkedHashMap<>();
    static final int REGION_PLANNED = 0;
    static final int REGION_DELIVERED = 1;
    static final int REGION_FAILED = 2;
    /** SMS dispatches per subscriber region: [REGION_PLANNED] ever, [REGION_DELIVERED], [REGION_FAILED] now. */
    final Map<String, long[]> regions = new LinkedHashMap<>();
    final List<TimelineEntry> timeline = new ArrayList<>();
    int timelineDropped;
    boolean dirty;

    AlertEntry(String id, long number, Alert alert, String publisher, Instant receivedAt) {
        this.id = id;
        this.number = number;
        this.alert = alert;
        this.publisher = publisher;
        this.receivedAt = receivedAt;
        this.expires = earliestExpiry(alert);
        this.priorityClass = priorityClass(alert);
    }

    public String id() { return id; }

    public Alert alert() { return alert; }

    public String publisher() { return publisher; }

    public AlertState state() { return state; }

    public int sequence() { return sequence; }

    public String replaces() { return replaces; }

    public Instant expires() { return expires; }

    public int priorityClass() { return priorityClass; }

    public Instant receivedAt() { return receivedAt; }

    /** Whether this alert came on the pre-approved correction path. */
    public boolean correction() { return correction; }

    /** The earliest hand-over of any of this alert's own dispatches, or null. */
    Instant firstDispatch() {
        long first = -1;
        for (Map.Entry<String, ChannelDelivery> d : delivery.entrySet()) {
            long t = d.getValue().firstSubmitted;
            if (t >= 0 && !d.getKey().endsWith("/cancel") && (first < 0 || t < first)) {
                first = t;
            }
        }
        return first < 0 ? null : Instant.ofEpochMilli(first);
    }

    public boolean areasPlanned() { return areasPlanned; }

    public boolean recipientsPlanned() { return recipientsPlanned; }

    public long recipientsConsumed() { return recipientsConsumed; }

    /** Whether this alert already has its own (not withdrawal) dispatches planned on that connector. */
    public boolean hasBatchFor(String connector) {
        for (DispatchBatch b : batches) {
            if (b.action != DispatchAction.CANCEL && connector.equals(b.connector)) {
                return true;
            }
        }
        return false;
    }

    /** Dispatches PLANNED or SUBMITTED now. */
    public long pending() { return pending; }

    /** Whether new dispatches of this alert may still be planned and sent. */
    public boolean live() {
        return state == AlertState.ACTIVE || state == AlertState.DISPATCHING;
    }

    /** The action this alert's own dispatches carry: UPDATE when it supersedes another alert. */
    public DispatchAction sendAction() {
        return replaces == null ? DispatchAction.SEND : DispatchAction.UPDATE;
    }

    Alert contentFor(DispatchAction action) {
        return action == DispatchAction.CANCEL && cancelContent != null ? cancelContent : alert;
    }

    long[] counters(String key) {
        return counters.computeIfAbsent(key, k -> new long[PLANNED_TOTAL + 1]);
    }

    long[] region(String code) {
        return regions.computeIfAbsent(code, k -> new long[3]);
    }

    ChannelDelivery delivery(String key) {
        return delivery.computeIfAbsent(key, k -> new ChannelDelivery());
    }

    void note(Instant at, String event, String detail) {
        if (timeline.size() >= MAX_TIMELINE) {
            timelineDropped++;
            return;
        }
        timeline.add(new TimelineEntry(at, event, detail));
    }

    /** Cancels first (class 0), then severity x urgency: Extreme/Immediate = 1 ... Unknown/Unknown = 25. */
    static int priorityClass(Alert alert) {
        int severity = Severity.Unknown.ordinal();
        int urgency = Urgency.Unknown.ordinal();
        for (AlertInfo info : alert.infos()) {
            Severity s = info.severityValue();
            Urgency u = info.urgencyValue();
            if (s != null) {
                severity = Math.min(severity, s.ordinal());
            }
            if (u != null && u != Urgency.Past) {
                urgency = Math.min(urgency, u.ordinal());
            }
        }
        return 1 + severity * Urgency.values().length + urgency;
    }

    /** Nothing leaves after the earliest {@code expires} of the alert's info blocks (null = never expires). */
    static Instant earliestExpiry(Alert alert) {
        Instant earliest = null;
        for (AlertInfo info : alert.infos()) {
            OffsetDateTime t = info.expiresTime();
            if (t != null && (earliest == null || t.toInstant().isBefore(earliest))) {
                earliest = t.toInstant();
            }
        }
        return earliest;
    }
}
