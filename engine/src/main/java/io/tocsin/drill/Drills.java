package io.tocsin.drill;

import io.tocsin.cap.Alert;
import io.tocsin.cap.CapXmlWriter;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.LedgerView;
import io.tocsin.pipeline.AlertIntake;
import io.tocsin.pipeline.IntakeOutcome;
import io.tocsin.pipeline.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * The "double-blind" drill scheduler: each drill gets a moment picked at random inside its window, which no
 * API shows before it happens; at that moment an exercise alert (always {@code status=Exercise}, see
 * {@link DrillAlert}) is submitted under publisher {@code drill:NAME} and always waits for an operator's
 * approval, so how the duty operators handle it (approve, reject or cancel, and how fast) is on record
 * ({@link DrillHandling}). {@link #doWork} is the duty cycle (tests call it with a manual clock);
 * {@link #start} runs it on a daemon thread.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public final class Drills implements AutoCloseable {
    private static final long TICK_MILLIS = 250;

    private final AlertIntake intake;
    private final LedgerView ledger;
    private final java.time.Clock clock;
    private final RandomGenerator random;
    private final Alert defaultTemplate;
    private final Map<String, DrillPlan> plans = new LinkedHashMap<>();
    private final Map<String, Boolean> submitting = new LinkedHashMap<>();
    private long next;
    private volatile Thread thread;
    private volatile boolean closed;
    private volatile Audit audit = (type, actor, alertId, detail) -> { };

    /** Where scheduling and injection are recorded (the engine's audit chain). */
    @FunctionalInterface
    public interface Audit {
        void note(String type, String actor, String alertId, String detail);
    }

    /** Records every drill scheduled, injected or failed in {@code to} (the moment only once it happened). */
    public Drills auditTo(Audit to) {
        this.audit = to;
        return this;
    }

    public Drills(AlertIntake intake, LedgerView ledger, java.time.Clock clock, RandomGenerator random,
                  Alert defaultTemplate) {
        this.intake = intake;
        this.ledger = ledger;
        this.clock = clock;
        this.random = random;
        this.defaultTemplate = defaultTemplate == null ? DrillAlert.builtIn() : defaultTemplate;
    }

    /**
     * Schedules a drill somewhere in {@code [from, to]} (from is moved up to now when it has passed). Returns
     * the plan; its {@code moment} must not be shown to operators. Throws IllegalArgumentException for an empty
     * or past window.
     */
    public synchronized DrillPlan schedule(String name, Instant from, Instant to, Alert template, String requestedBy) {
        Instant now = clock.instant();
        Instant start = from.isBefore(now) ? now : from;
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("name must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (!to.isAfter(start)) {
            throw new IllegalArgumentException("the window " + from + " .. " + to + " has no future part");
        }
        long span = Duration.between(start, to).toMillis();
        Instant moment = start.plusMillis(span <= 0 ? 0 : random.nextLong(span + 1));
        String id = "drill-" + (++next);
        DrillPlan plan = new DrillPlan(id, name, from, to, moment, template == null ? defaultTemplate : template,
                requestedBy, DrillPlan.State.SCHEDULED, null, null, null);
        plans.put(id, plan);
        audit.note("drill-scheduled", requestedBy, null, id + " '" + name + "' window " + from + " .. " + to
                + " (moment not disclosed)");
        return plan;
    }

    /**
     * A configured drill: scheduled unless the journal shows it was already injected (a restart must not
     * inject it twice), in which case the plan is recorded as injected.
     */
    public synchronized DrillPlan scheduleConfigured(String name, Instant from, Instant to, Alert template) {
        String publisher = DrillPlan.PUBLISHER_PREFIX + name;
        for (AlertView a : ledger.alerts()) {
            if (publisher.equals(a.publisher())) {
                String id = "drill-" + (++next);
                DrillPlan done = new DrillPlan(id, name, from, to, null, template == null ? defaultTemplate : template,
                        "config", DrillPlan.State.INJECTED, a.receivedAt(), a.id(), null);
                plans.put(id, done);
                return done;
            }
        }
        if (!to.isAfter(clock.instant())) {
            String id = "drill-" + (++next);
            DrillPlan missed = new DrillPlan(id, name, from, to, null, template, "config", DrillPlan.State.FAILED,
                    null, null, "window ended before the engine ran");
            plans.put(id, missed);
            return missed;
        }
        return schedule(name, from, to, template, "config");
    }

    /** Injects every drill whose moment has come; returns how many were submitted. */
    public int doWork(Instant now) {
        List<DrillPlan> due = new ArrayList<>();
        synchronized (this) {
            for (DrillPlan p : plans.values()) {
                if (p.state() == DrillPlan.State.SCHEDULED && !now.isBefore(p.moment())
                        && submitting.putIfAbsent(p.id(), Boolean.TRUE) == null) {
                    due.add(p);
                }
            }
        }
        for (DrillPlan p : due) {
            inject(p, now);
        }
        return due.size();
    }

    private void inject(DrillPlan p, Instant now) {
        Alert alert = DrillAlert.at(p.template(), p.id() + "-" + now.toEpochMilli(), p.name(), now);
        byte[] raw = new CapXmlWriter().write(alert);
        CompletableFuture<IntakeOutcome> outcome;
        try {
            outcome = intake.submit(new Submission(alert, raw, "application/cap+xml", p.publisher(), true, now));
        } catch (RuntimeException e) {
            outcome = CompletableFuture.completedFuture(IntakeOutcome.saturated(e.toString()));
        }
        outcome.whenComplete((o, e) -> settle(p, now, o, e));
    }

    private synchronized void settle(DrillPlan p, Instant now, IntakeOutcome o, Throwable e) {
        submitting.remove(p.id());
        if (e == null && (o.kind() == IntakeOutcome.Kind.ACCEPTED || o.kind() == IntakeOutcome.Kind.DUPLICATE)) {
            plans.put(p.id(), p.injected(now, o.alertId()));
            audit.note("drill-injected", "engine", o.alertId(), p.id() + " '" + p.name() + "' at " + now
                    + " as status=Exercise, waiting for an operator");
        } else if (e == null && o.kind() == IntakeOutcome.Kind.SATURATED) {
            return; // stays SCHEDULED: the next tick tries again
        } else {
            plans.put(p.id(), p.failed(now, e != null ? e.toString() : o.kind() + ": " + o.reason()));
            audit.note("drill-failed", "engine", null, p.id() + " '" + p.name() + "': " + plans.get(p.id()).problem());
        }
    }

    public synchronized List<DrillPlan> plans() {
        return List.copyOf(plans.values());
    }

    public synchronized Optional<DrillPlan> plan(String id) {
        return Optional.ofNullable(plans.get(id));
    }

    /** How the drill's alert was handled so far (empty before injection). */
    public Optional<DrillHandling> handling(DrillPlan p) {
        if (p.alertId() == null) {
            return Optional.empty();
        }
        return ledger.alert(p.alertId()).map(DrillHandling::of);
    }

    /** Starts the ticking thread (a daemon; {@link #close} stops it). */
    public synchronized Drills start() {
        if (thread == null) {
            Thread t = new Thread(() -> {
                while (!closed) {
                    try {
                        doWork(clock.instant());
                        Thread.sleep(TICK_MILLIS); // a timer tick, not a wait for a condition
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(Drills.class).error("drill tick failed", e);
                    }
                }
            }, "tocsin-drills");
            t.setDaemon(true);
            thread = t;
            t.start();
        }
        return this;
    }

    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
