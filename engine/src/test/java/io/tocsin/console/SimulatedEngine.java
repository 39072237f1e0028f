package io.tocsin.console;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.cap.CapVersion;
import io.tocsin.cap.NamedValue;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.ledger.LedgerView;
import io.tocsin.ledger.TimelineEntry;
import io.tocsin.pipeline.AlertIntake;
import io.tocsin.pipeline.IntakeOutcome;
import io.tocsin.pipeline.Submission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the engine in console tests until the real pipeline is on main: accepts submissions, then
 * "delivers" {@code perTick} dispatches per channel on every {@link #tick}; cancel stops delivery and counts
 * the rest as cancelled. Reads the few CAP fields the console shows with patterns (test-only). Thread-safe.
 */
final class SimulatedEngine implements LedgerView, AlertIntake {

    private static final Pattern GEOCODE = Pattern.compile("<value>(\\d{6,12})</value>");
    private final Clock clock;
    private final Map<String, AlertView> alerts = new LinkedHashMap<>();
    private final Map<String, Submission> submissions = new LinkedHashMap<>();
    private final Map<String, Long> perTick = new LinkedHashMap<>();
    private int next;

    SimulatedEngine(Clock clock) {
        this.clock = clock;
    }

    /** Accepts a CAP XML body; the number of planned SMS comes from a parameter {@code planned} (default 100). */
    synchronized IntakeOutcome submitXml(byte[] body, String publisher) {
        String xml = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        String id = "A" + (++next);
        long planned = Long.parseLong(Optional.ofNullable(param(xml, "planned")).orElse("100"));
        perTick.put(id, Long.parseLong(Optional.ofNullable(param(xml, "perTick")).orElse("10")));
        List<NamedValue> geocodes = new ArrayList<>();
        Matcher m = GEOCODE.matcher(xml);
        while (m.find()) {
            geocodes.add(new NamedValue("CPEAS Geographic Code", m.group(1)));
        }
        AlertInfo info = new AlertInfo("zh-CN", List.of("Met"), tag(xml, "event"), List.of(), tag(xml, "urgency"),
                tag(xml, "severity"), tag(xml, "certainty"), null, List.of(), null, null, null, null,
                tag(xml, "headline"), tag(xml, "description"), null, null, null,
                List.of(new NamedValue("color", Optional.ofNullable(param(xml, "color")).orElse(""))), List.of(),
                List.of(new Area(tag(xml, "areaDesc"), List.of(), List.of(), geocodes, null, null)));
        Alert alert = new Alert(CapVersion.V1_2, tag(xml, "identifier"), tag(xml, "sender"), tag(xml, "sent"),
                tag(xml, "status"), tag(xml, "msgType"), null, tag(xml, "scope"), null, null, List.of(), null, null,
                null, List.of(info));
        submissions.put(id, new Submission(alert, body, "application/cap+xml", publisher, false, clock.instant()));
        Map<String, ChannelCounters> channels = new LinkedHashMap<>();
        channels.put("SMS", new ChannelCounters(planned, 0, 0, 0, 0, 0, 0, 0));
        channels.put("CELL_BROADCAST", new ChannelCounters(3, 0, 0, 0, 0, 0, 0, 0));
        alerts.put(id, new AlertView(id, alert.sender(), alert.identifier(), alert.sent(), alert.status(),
                alert.msgType(), info.event(), info.headline(), info.severity(), info.urgency(), publisher,
                AlertState.DISPATCHING, clock.instant(), null, channels,
                List.of(new TimelineEntry(clock.instant(), "ACCEPTED", "journaled"))));
        return new IntakeOutcome(IntakeOutcome.Kind.ACCEPTED, id, "DISPATCHING", null);
    }

    /** Advances every dispatching alert by its per-tick amount; DONE when all channels are finished. */
    synchronized void tick() {
        for (AlertView v : new ArrayList<>(alerts.values())) {
            if (v.state() != AlertState.DISPATCHING) {
                continue;
            }
            long step = perTick.get(v.id());
            Map<String, ChannelCounters> channels = new LinkedHashMap<>();
            boolean done = true;
            for (Map.Entry<String, ChannelCounters> e : v.channels().entrySet()) {
                ChannelCounters c = e.getValue();
                long delivered = Math.min(c.planned(), c.delivered() + step);
                channels.put(e.getKey(), new ChannelCounters(c.planned(), delivered, delivered, delivered, 0, 0, 0, 0));
                done &= delivered == c.planned();
            }
            List<TimelineEntry> timeline = new ArrayList<>(v.timeline());
            if (done) {
                timeline.add(new TimelineEntry(clock.instant(), "DONE", "every target served"));
            }
            alerts.put(v.id(), with(v, done ? AlertState.DONE : AlertState.DISPATCHING, channels, timeline));
        }
    }

    @Override
    public synchronized CompletableFuture<IntakeOutcome> cancel(String alertId, String operator, String reason) {
        AlertView v = alerts.get(alertId);
        if (v == null) {
            return CompletableFuture.completedFuture(new IntakeOutcome(IntakeOutcome.Kind.NOT_FOUND, null, null, "unknown"));
        }
        Map<String, ChannelCounters> channels = new LinkedHashMap<>();
        v.channels().forEach((k, c) -> channels.put(k, new ChannelCounters(c.planned(), c.submitted(), c.accepted(),
                c.delivered(), c.failed(), c.expired(), c.planned() - c.delivered(), 0)));
        List<TimelineEntry> timeline = new ArrayList<>(v.timeline());
        timeline.add(new TimelineEntry(clock.instant(), "CANCELLED", operator + ": " + reason));
        alerts.put(alertId, with(v, AlertState.CANCELLED, channels, timeline));
        return CompletableFuture.completedFuture(new IntakeOutcome(IntakeOutcome.Kind.ACCEPTED, alertId, "CANCELLED", null));
    }

    @Override
    public CompletableFuture<IntakeOutcome> submit(Submission submission) {
        return CompletableFuture.completedFuture(submitXml(submission.raw(), submission.publisher()));
    }

    @Override
    public CompletableFuture<IntakeOutcome> approve(String alertId, String operator) {
        return CompletableFuture.completedFuture(new IntakeOutcome(IntakeOutcome.Kind.REJECTED, alertId, null, "none"));
    }

    @Override
    public CompletableFuture<IntakeOutcome> reject(String alertId, String operator, String reason) {
        return approve(alertId, operator);
    }

    @Override
    public synchronized List<AlertView> alerts() {
        return new ArrayList<>(alerts.values());
    }

    @Override
    public synchronized Optional<AlertView> alert(String id) {
        return Optional.ofNullable(alerts.get(id));
    }

    @Override
    public synchronized Optional<Submission> submission(String id) {
        return Optional.ofNullable(submissions.get(id));
    }

    private static AlertView with(AlertView v, AlertState state, Map<String, ChannelCounters> channels,
                                  List<TimelineEntry> timeline) {
        return new AlertView(v.id(), v.sender(), v.identifier(), v.sent(), v.status(), v.msgType(), v.event(),
                v.headline(), v.severity(), v.urgency(), v.publisher(), state, v.receivedAt(), v.expires(), channels,
                List.copyOf(timeline));
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static String param(String xml, String name) {
        Matcher m = Pattern.compile("<valueName>" + name + "</valueName>\\s*<value>([^<]*)</value>").matcher(xml);
        return m.find() ? m.group(1) : null;
    }
}
