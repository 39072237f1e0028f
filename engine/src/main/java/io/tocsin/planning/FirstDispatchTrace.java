package io.tocsin.planning;

import io.tocsin.connector.ChannelKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the time goes between an alert's arrival and its first dispatch on each channel: the planner stamps when
 * planning started (on intake, before the 202), when the whole-area part and the first recipients were
 * resolved (worker side) and planned (pipeline side); the dispatcher stamps the first offer to a connector of
 * each channel kind. One INFO line per alert (logger {@code io.tocsin.planning.FirstDispatchTrace}) once its SMS
 * and cell broadcast (when it has them) were offered, or when planning ends. Costs one map lookup per offered
 * run of dispatches and a handful of {@code nanoTime} calls per alert.
 *
 * <p>Thread-safety: pipeline thread only, except {@link #resolvedAt} stamps which workers write through
 * volatile fields of {@link Stamps}.
 */
public final class FirstDispatchTrace {
    private static final Logger LOG = LoggerFactory.getLogger(FirstDispatchTrace.class);
    private static final int MAX_OPEN = 1024;

    private final Clock clock;
    private final Map<String, Stamps> open = new HashMap<>();

    public FirstDispatchTrace(Clock clock) {
        this.clock = clock;
    }

    /** The stamps of one alert. Fields written by one thread each; read by the pipeline thread. */
    public static final class Stamps {
        final String alertId;
        final Instant received;
        final long startNanos;
        final Instant start;
        volatile long areasResolvedNanos;
        volatile long firstRecipientsResolvedNanos;
        long areasPlannedNanos;
        long firstRecipientsPlannedNanos;
        /** When the last run of offers to connectors of each whole-area kind ended. */
        final Map<ChannelKind, Long> offersDone = new EnumMap<>(ChannelKind.class);
        final Map<ChannelKind, Long> firstOffer = new EnumMap<>(ChannelKind.class);
        boolean expectSms;
        boolean expectCbs;
        boolean areasDone;
        boolean recipientsDone;

        Stamps(String alertId, Instant received, Instant start, long startNanos) {
            this.alertId = alertId;
            this.received = received;
            this.start = start;
            this.startNanos = startNanos;
        }

        void areasResolved() {
            if (areasResolvedNanos == 0) {
                areasResolvedNanos = System.nanoTime();
            }
        }

        void recipientsResolved() {
            if (firstRecipientsResolvedNanos == 0) {
                firstRecipientsResolvedNanos = System.nanoTime();
            }
        }
    }

    Stamps start(String alertId, Instant received, boolean areasDone, boolean recipientsDone) {
        if (open.size() >= MAX_OPEN) {
            open.clear(); // a trace is a diagnostic: never let it grow without bound
        }
        Stamps s = new Stamps(alertId, received, clock.instant(), System.nanoTime());
        s.areasDone = areasDone;
        s.recipientsDone = recipientsDone;
        open.put(alertId, s);
        return s;
    }

    void areasPlanned(Stamps s, boolean cbs) {
        s.areasPlannedNanos = System.nanoTime();
        s.expectCbs = cbs;
        s.areasDone = true;
        maybeLog(s);
    }

    void recipientsPlanned(Stamps s) {
        if (s.firstRecipientsPlannedNanos == 0) {
            s.firstRecipientsPlannedNanos = System.nanoTime();
            s.expectSms = true;
        }
    }

    void recipientsDone(Stamps s) {
        s.recipientsDone = true;
        maybeLog(s);
    }

    void dropped(String alertId) {
        Stamps s = open.remove(alertId);
        if (s != null) {
            log(s, "planning stopped");
        }
    }

    /**
     * The dispatcher finished offering a run of the alert's dispatches to a connector of this kind: the last such
     * stamp of the alert's whole-area channels (cell broadcast, radio, TV, webhooks) says how long their offers held
     * the pipeline thread (pipeline thread).
     */
    public void offeredRun(String alertId, ChannelKind kind) {
        if (open.isEmpty() || kind == ChannelKind.SMS) {
            return;
        }
        Stamps s = open.get(alertId);
        if (s != null) {
            s.offersDone.put(kind, System.nanoTime());
        }
    }

    /** The dispatcher offered a dispatch of the alert to a connector of this kind (pipeline thread). */
    public void offered(String alertId, ChannelKind kind) {
        if (open.isEmpty()) {
            return;
        }
        Stamps s = open.get(alertId);
        if (s != null && !s.firstOffer.containsKey(kind)) {
            s.firstOffer.put(kind, System.nanoTime());
            maybeLog(s);
        }
    }

    private void maybeLog(Stamps s) {
        boolean sms = !s.expectSms || s.firstOffer.containsKey(ChannelKind.SMS);
        boolean cbs = !s.expectCbs || s.firstOffer.containsKey(ChannelKind.CELL_BROADCAST);
        if (s.areasDone && s.recipientsDone && sms && cbs && open.remove(s.alertId) != null) {
            log(s, "");
        }
    }

    private void log(Stamps s, String note) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        double arrival = s.received == null ? Double.NaN : Duration.between(s.received, s.start).toNanos() / 1e6;
        LOG.info(String.format(Locale.ROOT, "first dispatch %s: planning started %.2f ms after arrival; then "
                        + "areas resolved +%s, planned +%s; first recipients resolved +%s, planned +%s; first offer SMS "
                        + "+%s, CBS +%s; offers done%s (ms)%s", s.alertId, arrival,
                ms(s, s.areasResolvedNanos), ms(s, s.areasPlannedNanos), ms(s, s.firstRecipientsResolvedNanos),
                ms(s, s.firstRecipientsPlannedNanos), ms(s, s.firstOffer.getOrDefault(ChannelKind.SMS, 0L)),
                ms(s, s.firstOffer.getOrDefault(ChannelKind.CELL_BROADCAST, 0L)), offersDone(s),
                note.isEmpty() ? "" : "; " + note));
    }

    private static String offersDone(Stamps s) {
        if (s.offersDone.isEmpty()) {
            return " -";
        }
        StringBuilder sb = new StringBuilder();
        s.offersDone.forEach((kind, nanos) -> sb.append(' ').append(kind).append(" +").append(ms(s, nanos)));
        return sb.toString();
    }

    private static String ms(Stamps s, long nanos) {
        return nanos == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (nanos - s.startNanos) / 1e6);
    }
}
