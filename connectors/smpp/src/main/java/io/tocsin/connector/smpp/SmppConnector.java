package io.tocsin.connector.smpp;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Severity;
import io.tocsin.connector.AwaitingReceipt;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorHealth;
import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.ReceiptSink;
import io.tocsin.connector.Rendering;
import io.tocsin.connector.SendResult;
import io.tocsin.connector.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * SMS over SMPP 3.4 to one or several carriers. {@link #offer} renders the text for the target's language
 * (cached per alert revision and language), checks the segment budget and expiry, routes to a carrier — by
 * {@code Target.carrier}, else by the longest matching MSISDN prefix, else the only carrier — and queues it
 * there; the carrier's bind threads submit it. Outcomes come back through the {@link ReceiptSink}: SUBMITTED,
 * ACCEPTED (peerRef = the SMSC message ids, comma-separated per segment), then DELIVERED / FAILED / EXPIRED from
 * delivery receipts, or UNKNOWN after the receipt timeout. Throttling and dropped links are retried inside the
 * connector; the engine only sees PLANNED again for what was still queued when the connector closed.
 *
 * <p>Thread-safety: {@link #offer} from one thread (the dispatcher); everything else from any thread.
 */
public final class SmppConnector implements Connector {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SmppConnector.class);

    private static final DateTimeFormatter VALIDITY = DateTimeFormatter.ofPattern("yyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final String name;
    private final SmppSettings settings;
    private final Clock clock;
    private final ReceiptOutbox outbox;
    private final SmsRenderer renderer;
    private final Map<String, CarrierLink> byName = new LinkedHashMap<>();
    private final List<CarrierLink> carriers = new ArrayList<>();
    private final Map<String, SegmentPlan> plans = new ConcurrentHashMap<>();
    private final Thread housekeeper;
    private volatile boolean closed;
    private volatile boolean started;

    public SmppConnector(String name, SmppSettings settings, ReceiptSink receipts, Clock clock) {
        this.name = name;
        this.settings = settings;
        this.clock = clock;
        this.outbox = new ReceiptOutbox(receipts, name);
        this.renderer = new SmsRenderer(settings.defaultLanguage());
        for (CarrierSettings c : settings.carriers()) {
            CarrierLink link = new CarrierLink(c, settings, outbox, clock);
            carriers.add(link);
            byName.put(c.name().toLowerCase(Locale.ROOT), link);
        }
        this.housekeeper = new Thread(this::housekeep, name + "-housekeeping");
        this.housekeeper.setDaemon(true);
    }

    @Override
    public String name() { return name; }

    @Override
    public ChannelKind kind() { return ChannelKind.SMS; }

    public SmppSettings settings() { return settings; }

    @Override
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        carriers.forEach(CarrierLink::start);
        housekeeper.start();
    }

    @Override
    public SendResult offer(Dispatch dispatch) {
        if (closed) {
            return SendResult.CLOSED;
        }
        Target target = dispatch.target();
        if (target == null || target.address() == null || target.address().isBlank()) {
            return SendResult.REJECTED;
        }
        CarrierLink carrier = route(target);
        if (carrier == null) {
            return SendResult.REJECTED;
        }
        SegmentPlan plan = plan(dispatch);
        if (plan == null || plan.segments() > settings.maxSegments()) {
            return SendResult.REJECTED;
        }
        Instant now = clock.instant();
        if (dispatch.expiredAt(now)) {
            outbox.emit(DeliveryReceipt.of(dispatch.id(), DispatchState.EXPIRED, "expired before submit", null, now));
            return SendResult.ACCEPTED;
        }
        if (!carrier.anyBound()) {
            return SendResult.NOT_CONNECTED;
        }
        String source = carrier.settings.sourceAddress() != null ? carrier.settings.sourceAddress()
                : settings.sourceAddress();
        String validity = validity(dispatch.expires());
        Outgoing o = new Outgoing(dispatch, plan, carrier.nextReference(), source, validity, priority(dispatch));
        return carrier.enqueue(o) ? SendResult.ACCEPTED : SendResult.BACK_PRESSURED;
    }

    /** The last expiry formatted, kept: every dispatch of an alert has the same one (an immutable pair). */
    private record Validity(Instant expires, String text) {
    }

    private Validity lastValidity = new Validity(null, null);

    /** SMPP absolute validity_period of an expiry ({@code YYMMDDhhmmss000+}, UTC), or null when it never expires. */
    String validity(Instant expires) {
        if (expires == null) {
            return null;
        }
        Validity last = lastValidity;
        if (expires.equals(last.expires())) {
            return last.text();
        }
        String text = VALIDITY.format(expires) + "000+";
        lastValidity = new Validity(expires, text);
        return text;
    }

    @Override
    public int withdraw(String alertId) {
        int n = 0;
        for (CarrierLink c : carriers) {
            n += c.withdraw(alertId);
        }
        return n;
    }

    @Override
    public int inFlight() {
        int n = 0;
        for (CarrierLink c : carriers) {
            n += c.inFlight();
        }
        return n;
    }

    /**
     * After a restart: takes back the dispatches the previous run had submitted and the SMSC had accepted, so
     * their delivery receipts (which the SMSC sends to whichever bind of the account is up) are matched by
     * message id. Each needs its target (to pick the carrier whose SMSC issued the ids) and its ids; the receipt
     * timeout runs from the original acceptance. Called before {@link #start}.
     */
    @Override
    public void resumeAwaiting(List<AwaitingReceipt> accepted) {
        long now = clock.millis();
        int unresumable = 0;
        for (AwaitingReceipt a : accepted) {
            Target target = a.target();
            CarrierLink carrier = target == null || target.address() == null ? null : route(target);
            String ref = a.peerRef();
            if (carrier == null || ref == null || ref.isBlank()) {
                unresumable++;
                continue;
            }
            String[] ids = ref.split(",");
            Tracker t = new Tracker(a.dispatchId(), ids.length);
            for (int i = 0; i < ids.length; i++) {
                t.messageIds[i] = ids[i].trim();
            }
            long ageMillis = a.acceptedAt() == null ? 0 : now - a.acceptedAt().toEpochMilli();
            carrier.correlator.resume(t, ageMillis * 1_000_000L);
        }
        if (unresumable > 0) {
            LOG.warn("{}: {} of {} dispatches awaiting receipts after the restart have no carrier or message id;"
                    + " they stay ACCEPTED", name, unresumable, accepted.size());
        }
    }

    @Override
    public ConnectorHealth health() {
        int bound = 0;
        int total = 0;
        StringBuilder detail = new StringBuilder();
        for (CarrierLink c : carriers) {
            int b = c.boundCount();
            bound += b;
            total += c.binds().size();
            detail.append(detail.length() == 0 ? "" : ", ").append(c.name()).append(' ').append(b).append('/')
                    .append(c.binds().size()).append(" binds");
        }
        long unknown = 0;
        long resumed = 0;
        for (CarrierLink c : carriers) {
            unknown += c.correlator.unknownIds.sum();
            resumed += c.correlator.resumed.sum();
        }
        if (resumed > 0) {
            detail.append("; ").append(resumed).append(" accepted before the restart, receipts awaited");
        }
        if (unknown > 0) {
            detail.append("; ").append(unknown).append(" receipts for unknown message ids");
        }
        if (closed || bound == 0) {
            return ConnectorHealth.down(closed ? "closed" : detail.toString());
        }
        return bound == total ? ConnectorHealth.up(detail.toString()) : ConnectorHealth.degraded(detail.toString());
    }

    /** One rendering per info language: the exact text and its segment count against {@code max_segments}. */
    @Override
    public List<Rendering> render(Alert alert) {
        List<Rendering> out = new ArrayList<>();
        for (AlertInfo info : alert.infos()) {
            String text = SmsRenderer.text(info);
            SegmentPlan plan = SmsSegmenter.plan(text);
            String detail = plan.encoding() == SmsEncoding.GSM7 ? "GSM-7" : "UCS2";
            detail += plan.concatenated()
                    ? ", " + plan.segments() + " segments of up to " + plan.encoding().perSegment() + " characters"
                    : ", single message (up to " + plan.encoding().single() + " characters)";
            out.add(new Rendering(ChannelKind.SMS, name, info.languageOrDefault(), text, plan.segments(),
                    settings.maxSegments(), "segments", detail));
        }
        return out;
    }

    public SmppStats stats() {
        long[] v = new long[11];
        for (CarrierLink c : carriers) {
            v[0] += c.submitted.sum();
            v[1] += c.throttled.sum();
            v[2] += c.transientErrors.sum();
            v[3] += c.inDoubt.sum();
            v[4] += c.resent.sum();
            v[5] += c.correlator.matched.sum();
            v[6] += c.correlator.unknownIds.sum() + c.unparseable.sum();
            v[7] += c.correlator.timedOut.sum();
            v[10] += c.correlator.resumed.sum();
            for (Bind b : c.binds()) {
                v[8] += b.bindsMade.sum();
                v[9] += b.drops.sum();
            }
        }
        return new SmppStats(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    /** Dispatches still waiting for a final receipt (accepted, not yet delivered, failed or timed out). */
    public int awaitingReceipts() {
        int n = 0;
        for (CarrierLink c : carriers) {
            n += c.correlator.awaitingReceipts();
        }
        return n;
    }

    /** Receipts handed to the sink late because it was full, still waiting. */
    public int receiptsWaiting() { return outbox.waiting(); }

    CarrierLink route(Target target) {
        if (target.carrier() != null) {
            CarrierLink c = byName.get(target.carrier().toLowerCase(Locale.ROOT));
            if (c != null) {
                return c;
            }
        }
        String msisdn = target.address().startsWith("+") ? target.address().substring(1) : target.address();
        CarrierLink best = null;
        int bestLength = -1;
        for (CarrierLink c : carriers) {
            for (String prefix : c.settings.prefixes()) {
                if (msisdn.startsWith(prefix) && prefix.length() > bestLength) {
                    best = c;
                    bestLength = prefix.length();
                }
            }
        }
        if (best == null && carriers.size() == 1 && target.carrier() == null) {
            return carriers.get(0);
        }
        return best;
    }

    private SegmentPlan plan(Dispatch dispatch) {
        String language = dispatch.target().language();
        String key = dispatch.alertId() + '#' + dispatch.sequence() + '#' + language;
        SegmentPlan plan = plans.get(key);
        if (plan == null) {
            if (dispatch.alert() == null) {
                return null;
            }
            String text = renderer.text(dispatch.alert(), language);
            if (text.isEmpty()) {
                return null;
            }
            plan = SmsSegmenter.plan(text);
            if (plans.size() > 4096) {
                plans.clear();
            }
            plans.put(key, plan);
        }
        return plan;
    }

    private static byte priority(Dispatch dispatch) {
        Alert alert = dispatch.alert();
        if (alert == null || alert.infos().isEmpty()) {
            return 0;
        }
        return alert.infos().get(0).severityValue() == Severity.Extreme ? (byte) 1 : (byte) 0;
    }

    private void housekeep() {
        while (!closed) {
            for (CarrierLink c : carriers) {
                c.correlator.sweep();
            }
            LockSupport.parkNanos(100_000_000L);
        }
    }

    /** Stops every bind (unbinding politely); what was never submitted is reported PLANNED for a retry later. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (CarrierLink c : carriers) {
            c.close();
            for (Outgoing o : c.drain()) {
                outbox.emit(DeliveryReceipt.of(o.dispatch.id(), DispatchState.PLANNED, "connector closed", null,
                        clock.instant()));
            }
        }
        LockSupport.unpark(housekeeper);
        outbox.close();
    }
}
