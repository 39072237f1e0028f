package io.tocsin.planning;

import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Reason;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Target;
import io.tocsin.journal.DispatchesPlanned;
import io.tocsin.journal.PlanningProgress;
import io.tocsin.ledger.AlertEntry;
import io.tocsin.targeting.AreaResolver;
import io.tocsin.targeting.Recipient;
import io.tocsin.targeting.Resolution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns live alerts into planned dispatches: one cell broadcast per carrier with its cells, one dispatch per
 * radio transmitter, TV station and webhook connector, and one SMS per recipient in the language that suits
 * them — streamed, a batch at a time, while the SMS queues have room.
 *
 * <p>Thread-safety: pipeline thread only (resolution itself runs on worker threads, see {@link PlanningJob}).
 */
public final class Planner implements AutoCloseable {
    private static final int ITEMS_PER_STEP = 4;

    private final AreaResolver resolver;
    private final Routes routes;
    private final int batchSize;
    private final Runnable wake;
    private final ExecutorService workers;
    private final Map<String, PlanningJob> jobs = new LinkedHashMap<>();
    /**
     * The same jobs in planning order: priority class, then arrival. Kept sorted as jobs start and end (copying
     * and sorting every job on each step made a step O(jobs), a burst of alerts O(jobs²)); its iteration is
     * weakly consistent, so a job that ends during a step is simply not met again.
     */
    private final java.util.concurrent.ConcurrentSkipListMap<Long, PlanningJob> ordered =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private long nextOrder;
    /** Jobs whose whole-area result exists (set by workers, or at start when at hand): planned first. */
    private final java.util.concurrent.ConcurrentLinkedQueue<PlanningJob> areasReady =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final FirstDispatchTrace trace;

    public Planner(AreaResolver resolver, Routes routes, int batchSize, Runnable wake) {
        this(resolver, routes, batchSize, wake, new FirstDispatchTrace(java.time.Clock.systemUTC()));
    }

    public Planner(AreaResolver resolver, Routes routes, int batchSize, Runnable wake, FirstDispatchTrace trace) {
        this.trace = trace;
        this.resolver = resolver;
        this.routes = routes;
        this.batchSize = batchSize;
        this.wake = wake;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tocsin-planner-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts (or resumes, after a restart) planning of a live alert. */
    public void start(AlertEntry entry) {
        if (jobs.containsKey(entry.id()) || (entry.areasPlanned() && entry.recipientsPlanned())) {
            return;
        }
        boolean sms = !routes.connectors(ChannelKind.SMS).isEmpty();
        PlanningJob job = new PlanningJob(entry, resolver, !entry.areasPlanned(),
                !entry.recipientsPlanned() && sms, entry.recipientsConsumed(), batchSize, wake,
                trace.start(entry.id(), entry.receivedAt(), entry.areasPlanned(),
                        entry.recipientsPlanned() || !sms));
        jobs.put(entry.id(), job);
        job.orderKey = ((long) entry.priorityClass() << 40) + nextOrder++;
        ordered.put(job.orderKey, job);
        if (!sms && !entry.recipientsPlanned()) {
            job.noSms = true; // recorded as planned (with nothing) once the areas are
            job.recipientsDone = false;
        }
        if (job.planAreas) {
            if (job.areasAtHand()) {
                areasReady.add(job); // planned (and the cell broadcast offered) in this very duty cycle
            } else {
                workers.execute(job.areasTask(() -> areasReady.add(job)));
            }
        }
        if (job.planRecipients) {
            workers.execute(job.recipientsTask());
        }
    }

    /** Stops planning an alert (cancelled, superseded, expired). */
    public void stop(String alertId) {
        PlanningJob job = jobs.remove(alertId);
        if (job != null) {
            ordered.remove(job.orderKey);
        }
        if (job != null) {
            job.stop();
            trace.dropped(alertId);
        }
    }

    /** Where the dispatcher stamps first offers (pipeline thread). */
    public FirstDispatchTrace trace() { return trace; }

    public int activeJobs() { return jobs.size(); }

    /**
     * Moves results of resolution workers into the journal and queues; returns items handled. Returns early after
     * an alert's whole-area dispatches or its first recipient batch were planned, so that the dispatcher offers
     * them at once instead of after the rest of this step's planning.
     */
    public int doWork(long nowMillis, PlanOutput out) {
        if (jobs.isEmpty()) {
            return 0;
        }
        // Whole-area results first; then on to the recipients, whose loop returns after an alert's first batch, so
        // that one dispatcher pass offers a new alert's cell broadcast and its first SMS together.
        int work = planReadyAreas(nowMillis, out);
        for (PlanningJob job : ordered.values()) {
            if (job.noSms && job.areasDone && !job.recipientsDone) {
                noSms(job, nowMillis, out);
                work++;
                continue;
            }
            for (int i = 0; i < ITEMS_PER_STEP; i++) {
                PlanItem item = job.peek();
                if (item == null || (item instanceof PlanItem.Recipients && !roomFor(job))) {
                    break;
                }
                if (!areasReady.isEmpty() && item instanceof PlanItem.Recipients) {
                    return work; // a whole-area result arrived meanwhile: it goes first, in the next step
                }
                job.poll();
                work++;
                boolean first = item instanceof PlanItem.Resolved
                        || (item instanceof PlanItem.Recipients && job.recipientBatches == 0);
                boolean more = handle(job, item, nowMillis, out);
                if (first) {
                    return work; // let the dispatcher offer the alert's first dispatches now
                }
                if (!more) {
                    break;
                }
            }
        }
        return work;
    }

    /**
     * Plans every whole-area result that exists now, of any alert, before any recipient batch: a cell broadcast
     * reaches everybody in the area in seconds and must not wait behind SMS planning.
     */
    private int planReadyAreas(long nowMillis, PlanOutput out) {
        int work = 0;
        for (PlanningJob job = areasReady.poll(); job != null; job = areasReady.poll()) {
            if (jobs.get(job.entry.id()) != job) {
                continue; // stopped meanwhile
            }
            PlanItem item = job.takeAreaResult();
            if (item != null) {
                work++;
                handle(job, item, nowMillis, out);
            }
        }
        return work;
    }

    public boolean hasWork() {
        if (!areasReady.isEmpty()) {
            return true;
        }
        for (PlanningJob job : jobs.values()) {
            if (job.noSms && job.areasDone && !job.recipientsDone) {
                return true;
            }
            PlanItem item = job.peek();
            if (item != null && (!(item instanceof PlanItem.Recipients) || roomFor(job))) {
                return true;
            }
        }
        return false;
    }

    /** Corrections (class 0) are planned even into full SMS queues: they must not wait behind bulk traffic. */
    private boolean roomFor(PlanningJob job) {
        return job.entry.priorityClass() == 0 ? routes.smsHasRoomForCorrection() : routes.smsHasRoom();
    }

    private boolean handle(PlanningJob job, PlanItem item, long now, PlanOutput out) {
        String id = job.entry.id();
        if (item instanceof PlanItem.Resolved r) {
            job.areasDone = true;
            trace.areasPlanned(job.stamps, planAreas(job.entry, r.resolution(), now, out));
            if (job.noSms) {
                noSms(job, now, out);
            }
            return finish(job);
        } else if (item instanceof PlanItem.Recipients r) {
            if (planRecipients(job, r, now, out)) {
                trace.recipientsPlanned(job.stamps);
            }
            job.recipientBatches++;
        } else if (item instanceof PlanItem.Finished f) {
            out.record(new PlanningProgress(now, id, PlanningProgress.Stage.RECIPIENTS_PLANNED, f.consumed(),
                    job.unroutable == 0 ? null : job.unroutable + " recipients had no SMS connector for their carrier"));
            job.recipientsDone = true;
            trace.recipientsDone(job.stamps);
            return finish(job);
        } else if (item instanceof PlanItem.Failed f) {
            out.record(new PlanningProgress(now, id, PlanningProgress.Stage.FAILED, 0, f.reason()));
            PlanningJob done = jobs.remove(id);
            if (done != null) {
                ordered.remove(done.orderKey);
            }
            job.stop();
            trace.dropped(id);
            return false;
        }
        return true;
    }

    private void noSms(PlanningJob job, long now, PlanOutput out) {
        out.record(new PlanningProgress(now, job.entry.id(), PlanningProgress.Stage.RECIPIENTS_PLANNED, 0,
                "no SMS connector configured"));
        job.recipientsDone = true;
        trace.recipientsDone(job.stamps);
        finish(job);
    }

    /** Removes the job once both parts are planned; returns whether it still has work. */
    private boolean finish(PlanningJob job) {
        if (job.finished()) {
            jobs.remove(job.entry.id());
            ordered.remove(job.orderKey);
            return false;
        }
        return true;
    }

    /** Plans the whole-area dispatches; returns whether a cell broadcast was among them. */
    private boolean planAreas(AlertEntry e, Resolution r, long now, PlanOutput out) {
        String language = languages(e).isEmpty() ? null : languages(e).get(0);
        List<String> notes = new ArrayList<>();
        Map<String, List<Target>> byConnector = new LinkedHashMap<>();
        r.cellsByCarrier().forEach((carrier, cells) -> {
            String c = routes.cellBroadcast(carrier);
            if (c == null) {
                notes.add("no cell-broadcast connector for carrier " + carrier);
            } else {
                byConnector.computeIfAbsent(c, k -> new ArrayList<>())
                        .add(new Target(ChannelKind.CELL_BROADCAST, carrier, carrier, language, cells, List.of()));
            }
        });
        addEach(byConnector, ChannelKind.RADIO, r.transmitters(), language, notes);
        addEach(byConnector, ChannelKind.TV, r.stations(), language, notes);
        for (String webhook : routes.connectors(ChannelKind.WEBHOOK)) {
            byConnector.computeIfAbsent(webhook, k -> new ArrayList<>())
                    .add(new Target(ChannelKind.WEBHOOK, webhook, null, language, List.of(), List.of()));
        }
        int dispatches = 0;
        boolean cbs = false;
        for (Map.Entry<String, List<Target>> c : byConnector.entrySet()) {
            if (e.hasBatchFor(c.getKey())) {
                continue; // planned before a restart
            }
            cbs |= c.getValue().get(0).kind() == ChannelKind.CELL_BROADCAST;
            out.record(new DispatchesPlanned(now, e.id(), c.getKey(), e.sendAction(), e.sequence(), e.replaces(),
                    out.nextDispatchId(), -1, c.getValue()));
            dispatches += c.getValue().size();
        }
        for (Reason reason : r.reasons()) {
            if (notes.size() < 10) {
                notes.add(reason.toString());
            }
        }
        List<String> parts = new ArrayList<>();
        parts.add(dispatches + " whole-area dispatches (" + r.cellsByCarrier().size() + " carriers' cells, "
                + r.transmitters().size() + " transmitters, " + r.stations().size() + " stations)");
        if (r.recipients() >= 0) {
            parts.add(r.recipients() + " recipients, population " + r.population());
        }
        parts.addAll(notes);
        String detail = String.join("; ", parts);
        out.record(new PlanningProgress(now, e.id(), PlanningProgress.Stage.AREAS_PLANNED, dispatches, detail));
        return cbs;
    }

    private void addEach(Map<String, List<Target>> byConnector, ChannelKind kind, List<String> addresses,
                         String language, List<String> notes) {
        if (addresses.isEmpty()) {
            return;
        }
        List<String> connectors = routes.connectors(kind);
        if (connectors.isEmpty()) {
            notes.add(addresses.size() + " " + kind + " targets but no " + kind + " connector");
            return;
        }
        List<Target> targets = byConnector.computeIfAbsent(connectors.get(0), k -> new ArrayList<>());
        for (String a : addresses) {
            targets.add(new Target(kind, a, null, language, List.of(), List.of()));
        }
    }

    /** Plans one batch of recipients; returns whether any SMS was planned. */
    private boolean planRecipients(PlanningJob job, PlanItem.Recipients r, long now, PlanOutput out) {
        List<String> languages = languages(job.entry);
        Map<String, List<Target>> byConnector = new LinkedHashMap<>();
        for (Recipient rec : r.recipients()) {
            String c = routes.sms(rec.carrier());
            if (c == null) {
                job.unroutable++;
                continue;
            }
            byConnector.computeIfAbsent(c, k -> new ArrayList<>()).add(Target.subscriber(
                    Long.toString(rec.msisdn()), rec.carrier(), LanguageMatch.choose(rec.language(), languages),
                    rec.regionCode()));
        }
        // One record for the whole batch (targets grouped by connector, so each connector gets a run of ids):
        // the planning cursor then moves atomically with the dispatches it covers.
        List<Target> all = new ArrayList<>(r.recipients().size());
        byConnector.values().forEach(all::addAll);
        AlertEntry e = job.entry;
        if (all.isEmpty()) {
            return false;
        }
        out.record(new DispatchesPlanned(now, e.id(), null, e.sendAction(), e.sequence(), e.replaces(),
                out.nextDispatchId(), r.consumedAfter(), all));
        return true;
    }

    private static List<String> languages(AlertEntry e) {
        List<String> out = new ArrayList<>();
        for (AlertInfo info : e.alert().infos()) {
            String l = info.languageOrDefault();
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    @Override
    public void close() {
        jobs.values().forEach(PlanningJob::stop);
        jobs.clear();
        ordered.clear();
        areasReady.clear();
        workers.shutdownNow();
    }
}
