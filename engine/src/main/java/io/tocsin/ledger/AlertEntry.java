package io.tocsin.ledger;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.MsgType;
import io.tocsin.cap.Severity;
import io.tocsin.cap.Status;
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
 *
 * <p>Memory: while the alert may still plan or send, the decoded CAP model is held here. Once it is
 * {@linkplain #settled() settled} (closed or done, nothing queued) the ledger drops the model and keeps only
 * the header fields its views show and the journal position of its {@link io.tocsin.journal.AlertAccepted}, from
 * which {@link #alert()} reloads it on the rare later need (an operator cancel of a done alert, a report).
 */
public final class AlertEntry {
    static final int MAX_TIMELINE = 200;
    /** counters[key][DispatchState.ordinal()] = dispatches in that state now; [PLANNED_TOTAL] = ever planned. */
    static final int PLANNED_TOTAL = DispatchState.values().length;

    final String id;
    final long number;
    /** The decoded CAP, or null once settled and dropped (reload from {@link #position}). */
    private Alert alert;
    /** Journal position of this alert's AlertAccepted record, or -1 when unknown (the model is then kept). */
    final long position;
    private final AlertLoader loader;
    final String sender;
    final String identifier;
    final String sent;
    final String status;
    final String msgType;
    final String event;
    final String headline;
    final String severity;
    final String urgency;
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
    /** What withdrawals carry while they may still be sent (the cancelling CAP); dropped when settled. */
    Alert cancelContent;
    /** When an operator cancelled (to rebuild the operator's Cancel message after a drop), else -1. */
    long operatorCancelAt = -1;
    boolean areasPlanned;
    boolean recipientsPlanned;
    long recipientsConsumed;
    long pending;
    /** The shared empty list until the first batch (most alerts of some kinds never get one). */
    List<DispatchBatch> batches = List.of();
    // The three maps below start as the shared empty map and become a LinkedHashMap at their first entry: most
    // alerts never fill one or two of them, and every alert's record is kept (and promoted) for good.
    Map<String, long[]> counters = Map.of();
    Map<String, ChannelDelivery> delivery = Map.of();
    static final int REGION_PLANNED = 0;
    static final int REGION_DELIVERED = 1;
    static final int REGION_FAILED = 2;
    /** SMS dispatches per subscriber region: [REGION_PLANNED] ever, [REGION_DELIVERED], [REGION_FAILED] now. */
    Map<String, long[]> regions = Map.of();
    /** Replaced, never changed: the published views share it. */
    Timeline timeline = Timeline.EMPTY;
    int timelineDropped;
    boolean dirty;

    private final SharedTexts texts;

    AlertEntry(String id, long number, Alert alert, long position, AlertLoader loader, String publisher,
               Instant receivedAt, SharedTexts texts) {
        this.texts = texts;
        this.id = id;
        this.number = number;
        this.alert = alert;
        this.position = loader == null ? -1 : position;
        this.loader = loader;
        AlertInfo first = alert.infos().isEmpty() ? null : alert.infos().get(0);
        this.sender = texts.share(alert.sender());
        this.identifier = alert.identifier();
        this.sent = alert.sent();
        this.status = shared(alert.status(), Status.parse(alert.status()));
        this.msgType = shared(alert.msgType(), MsgType.parse(alert.msgType()));
        this.event = first == null ? null : texts.share(first.event());
        this.headline = first == null ? null : texts.share(first.headline());
        this.severity = first == null ? null : shared(first.severity(), Severity.parse(first.severity()));
        this.urgency = first == null ? null : shared(first.urgency(), Urgency.parse(first.urgency()));
        this.publisher = texts.share(publisher);
        this.receivedAt = receivedAt;
        this.expires = earliestExpiry(alert);
        this.priorityClass = priorityClass(alert);
    }

    public String id() { return id; }

    /** This entry's place in the ledger's acceptance count (1, 2, ...): unique among the ledger's entries. */
    public long number() { return number; }

    /**
     * The decoded CAP message: held while the alert is open, reloaded from the journal once it was dropped
     * (pipeline thread; a settled alert's reload is not kept).
     */
    public Alert alert() {
        Alert a = alert;
        if (a == null) {
            a = loader.load(position);
            if (!settled()) {
                alert = a;
            }
        }
        return a;
    }

    /** The CAP model if it is on the heap now, else null (views and reports reload it themselves). */
    Alert alertIfHeld() { return alert; }

    /** Whether the decoded CAP is on the heap (tests, memory accounting). */
    public boolean holdsCap() { return alert != null || cancelContent != null; }

    /**
     * Nothing of this alert will be planned or sent any more: it is closed (or done) and has no dispatch
     * PLANNED or SUBMITTED. Receipts may still move its counters; an operator may still cancel a done alert.
     */
    public boolean settled() {
        return pending == 0 && state != null && state != AlertState.ACTIVE && state != AlertState.DISPATCHING
                && state != AlertState.PENDING_APPROVAL;
    }

    /** Drops the CAP model of a settled alert whose position is known; returns whether it dropped anything. */
    boolean compact() {
        if (position < 0 || !settled() || !holdsCap()) {
            return false;
        }
        alert = null;
        cancelContent = null;
        return true;
    }

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
        if (action != DispatchAction.CANCEL || cancelledBy == null) {
            return alert();
        }
        Alert content = cancelContent;
        if (content == null) {
            // dropped when the alert settled: rebuild what the withdrawals carried (kept only while they may send)
            content = operatorCancelAt >= 0 ? Ledger.operatorCancel(alert(), operatorCancelAt)
                    : loader.cancelling(cancelledBy);
            if (!settled()) {
                cancelContent = content;
            }
        }
        return content;
    }

    /** The shared constant's text when {@code text} is exactly a CAP enumeration value, else the text itself. */
    private static String shared(String text, Enum<?> parsed) {
        return parsed != null && parsed.name().equals(text) ? parsed.name() : text;
    }

    void addBatch(DispatchBatch batch) {
        if (!(batches instanceof ArrayList)) {
            batches = new ArrayList<>(2);
        }
        batches.add(batch);
    }

    long[] counters(String key) {
        long[] c = counters.get(key);
        if (c == null) {
            counters = writable(counters);
            counters.put(key, c = new long[PLANNED_TOTAL + 1]);
        }
        return c;
    }

    long[] region(String code) {
        long[] r = regions.get(code);
        if (r == null) {
            regions = writable(regions);
            regions.put(code, r = new long[3]);
        }
        return r;
    }

    ChannelDelivery delivery(String key) {
        ChannelDelivery d = delivery.get(key);
        if (d == null) {
            delivery = writable(delivery);
            delivery.put(key, d = new ChannelDelivery());
        }
        return d;
    }

    /** The map itself once it is a LinkedHashMap; a new, empty one while it is still the shared {@code Map.of()}. */
    private static <V> Map<String, V> writable(Map<String, V> map) {
        return map instanceof LinkedHashMap ? map : new LinkedHashMap<>();
    }

    /**
     * Adds a timeline entry. Texts that repeat across alerts are kept once, and an entry at the same instant as
     * the one before it (or as the alert's arrival) shares that Instant.
     */
    void note(Instant at, String event, String detail) {
        if (timeline.size() >= MAX_TIMELINE) {
            timelineDropped++;
            return;
        }
        Instant previous = timeline.isEmpty() ? receivedAt : timeline.last().at();
        timeline = timeline.plus(new TimelineEntry(at.equals(previous) ? previous : at, texts.share(event),
                texts.share(detail)));
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
