package io.tocsin.pipeline;

import io.tocsin.cap.Alert;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Connector;
import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.Target;
import io.tocsin.journal.AlertAccepted;
import io.tocsin.journal.AlertClosed;
import io.tocsin.journal.DispatchOutcome;
import io.tocsin.journal.DispatchesPlanned;
import io.tocsin.journal.Journal;
import io.tocsin.journal.JournalRecord;
import io.tocsin.journal.OperatorAction;
import io.tocsin.ledger.AlertEntry;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.DispatchBatch;
import io.tocsin.ledger.Ledger;
import io.tocsin.ledger.ReferenceDecision;
import io.tocsin.planning.PlanOutput;
import io.tocsin.planning.Planner;
import io.tocsin.targeting.AreaResolver;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline thread's work: the one writer of alert state, the ledger, the queues and the journal. Each duty
 * cycle takes intake commands (journaled, then answered), receipts, expiries, planning results and dispatching,
 * and sleeps on the {@link Doorbell} when there is nothing to do.
 *
 * <p>Thread-safety: every method runs on the pipeline thread (or before it starts, during recovery).
 */
final class Pipeline implements Recorder, PlanOutput {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final int INTAKE_PER_CYCLE = 256;
    private static final int RECEIPTS_PER_CYCLE = 4096;
    private static final long MAX_SLEEP_NANOS = 10_000_000L;
    private static final long PUBLISH_EVERY_NANOS = 5_000_000L;
    private static final Set<ChannelKind> WITHDRAWN = EnumSet.of(ChannelKind.CELL_BROADCAST, ChannelKind.RADIO,
            ChannelKind.TV, ChannelKind.WEBHOOK);
    private static final Set<DispatchState> REACHED = EnumSet.of(DispatchState.SUBMITTED, DispatchState.ACCEPTED,
            DispatchState.DELIVERED, DispatchState.UNKNOWN);

    final Journal journal;
    final Ledger ledger;
    final Router router;
    final Planner planner;
    final Expiries expiries = new Expiries();
    final ApprovalDeadlines approvalDeadlines = new ApprovalDeadlines();
    Governance governance = Governance.defaults();
    java.util.Queue<String[]> auditNotes = new java.util.ArrayDeque<>();
    final Map<Long, InFlight> inFlight = new HashMap<>();
    final Dispatcher dispatcher;
    private final IntakeRing intake;
    private final ReceiptRing receipts;
    private final Doorbell doorbell;
    private final Clock clock;
    private final EngineStats stats;
    private final List<CompletableFuture<IntakeOutcome>> waiting = new ArrayList<>();
    private final List<IntakeOutcome> answers = new ArrayList<>();
    private long lastPublish;
    long possibleDuplicates;
    io.tocsin.audit.AuditTrail audit = io.tocsin.audit.AuditTrail.NONE;
    /** Refuses new alerts when the journal's disk is nearly full (set before the thread starts). */
    io.tocsin.journal.FreeSpaceGuard space = io.tocsin.journal.FreeSpaceGuard.unlimited();

    Pipeline(Journal journal, Ledger ledger, Router router, AreaResolver resolver, int planBatchSize,
             IntakeRing intake, ReceiptRing receipts, Doorbell doorbell, Clock clock, EngineStats stats) {
        this.journal = journal;
        this.ledger = ledger;
        this.router = router;
        this.intake = intake;
        this.receipts = receipts;
        this.doorbell = doorbell;
        this.clock = clock;
        this.stats = stats;
        this.planner = new Planner(resolver, router, planBatchSize, doorbell::ring);
        this.dispatcher = new Dispatcher(router, this, inFlight, planner.trace());
    }

    // ---- the duty cycle -------------------------------------------------------------------------------

    void runUntil(java.util.function.BooleanSupplier stop) {
        while (!stop.getAsBoolean()) {
            int work = doWork();
            if (work == 0) {
                long now = nowNanos();
                Instant t = clock.instant();
                long sleep = Math.min(MAX_SLEEP_NANOS, Math.min(dispatcher.nanosToNextAttempt(now),
                        Math.min(expiries.nanosUntilNext(t), approvalDeadlines.nanosUntilNext(t))));
                if (sleep > 0) {
                    doorbell.sleep(sleep, this::hasWork);
                }
            }
        }
    }

    int doWork() {
        int work = 0;
        try {
            work += pollIntake();
            for (String[] n = auditNotes.poll(); n != null; n = auditNotes.poll()) {
                audit.note(n[0], n[1], n[2], n[3]);
                work++;
            }
            work += pollReceipts();
            Instant now = clock.instant();
            work += expire(now);
            work += planner.doWork(now.toEpochMilli(), this);
            work += dispatcher.doWork(nanos(now), now);
        } catch (RuntimeException e) {
            LOG.error("pipeline duty cycle failed; continuing", e);
            failWaiting("engine error: " + e);
        }
        long t = System.nanoTime();
        if (work == 0 || t - lastPublish > PUBLISH_EVERY_NANOS) {
            publish();
            lastPublish = t;
        }
        return work;
    }

    boolean hasWork() {
        return intake.hasWork() || receipts.hasWork() || planner.hasWork() || dispatcher.canSend(nowNanos());
    }

    void publish() {
        audit.flush();
        ledger.publish();
        stats.publish(this);
    }

    // ---- intake ---------------------------------------------------------------------------------------

    private int pollIntake() {
        int[] n = {0};
        try {
            intake.poller().poll((ev, seq, end) -> {
                IntakeOutcome out;
                try {
                    out = handle(ev);
                } catch (RuntimeException e) {
                    LOG.error("intake command failed", e);
                    out = IntakeOutcome.saturated("journal unavailable: " + e.getMessage());
                }
                waiting.add(ev.future);
                answers.add(out);
                ev.clear();
                return ++n[0] < INTAKE_PER_CYCLE;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (n[0] > 0) {
            journal.flush();
            publish();
            for (int i = 0; i < waiting.size(); i++) {
                waiting.get(i).complete(answers.get(i));
            }
            waiting.clear();
            answers.clear();
        }
        return n[0];
    }

    private void failWaiting(String reason) {
        for (CompletableFuture<IntakeOutcome> f : waiting) {
            f.complete(IntakeOutcome.saturated(reason));
        }
        waiting.clear();
        answers.clear();
    }

    private IntakeOutcome handle(IntakeEvent ev) {
        switch (ev.kind) {
            case SUBMIT:
                return submit(ev.submission);
            case CANCEL:
            case APPROVE:
            case REJECT:
                return operator(OperatorAction.Kind.valueOf(ev.kind.name()), ev.alertId, ev.operator, ev.reason);
            default:
                throw new IllegalStateException(String.valueOf(ev.kind));
        }
    }

    private IntakeOutcome submit(Submission s) {
        Alert alert = s.alert();
        String original = ledger.idFor(alert);
        if (original != null) {
            return new IntakeOutcome(IntakeOutcome.Kind.DUPLICATE, original,
                    ledger.entry(original).state().name(), "same sender, identifier and sent as " + original);
        }
        if (!space.admitsNewAlert()) {
            return IntakeOutcome.saturated(space.reason());
        }
        ReferenceDecision decision = ledger.decide(alert);
        if (decision.kind() == ReferenceDecision.Kind.REJECT) {
            return new IntakeOutcome(IntakeOutcome.Kind.REJECTED, null, null, decision.rejectReason());
        }
        String id = ledger.nextAlertId();
        long at = s.receivedAt() != null ? s.receivedAt().toEpochMilli() : clock.millis();
        boolean correction = isCorrection(decision, s.publisher());
        record(new AlertAccepted(at, id, s.publisher(), s.needsApproval() && !correction, s.contentType(), s.raw(),
                alert, correction));
        AlertEntry e = ledger.entry(id);
        if (decision.kind() == ReferenceDecision.Kind.SUPERSEDE) {
            stopAlert(decision.targets().get(0));
        } else if (decision.kind() == ReferenceDecision.Kind.CANCEL) {
            for (String target : decision.targets()) {
                stopAlert(target);
                planWithdrawals(ledger.entry(target));
            }
        }
        afterAccepted(e);
        String note = decision.notes().isEmpty() ? null : String.join("; ", decision.notes());
        return new IntakeOutcome(IntakeOutcome.Kind.ACCEPTED, id, e.state().name(), note);
    }

    /**
     * The pre-approved correction path: a Cancel or Update of alerts that were already released (approved or
     * never needing approval), from their own publisher (or person) or a configured corrector. It needs no
     * approval and goes ahead of every queue. Corrections of alerts still waiting for approval get no bypass.
     */
    private boolean isCorrection(ReferenceDecision decision, String publisher) {
        if (decision.kind() != ReferenceDecision.Kind.SUPERSEDE && decision.kind() != ReferenceDecision.Kind.CANCEL) {
            return false;
        }
        if (decision.targets().isEmpty()) {
            return false;
        }
        for (String target : decision.targets()) {
            AlertEntry original = ledger.entry(target);
            AlertState st = original.state();
            boolean released = st == AlertState.ACTIVE || st == AlertState.DISPATCHING || st == AlertState.DONE;
            if (!released || !governance.mayCorrect(publisher, original.publisher())) {
                return false;
            }
        }
        return true;
    }

    private IntakeOutcome operator(OperatorAction.Kind kind, String alertId, String operator, String reason) {
        AlertEntry e = alertId == null ? null : ledger.entry(alertId);
        if (e == null) {
            return new IntakeOutcome(IntakeOutcome.Kind.NOT_FOUND, alertId, null, "no alert " + alertId);
        }
        String refusal = ledger.refusal(kind, alertId, operator);
        if (refusal == null && kind == OperatorAction.Kind.APPROVE) {
            refusal = governance.identities().selfApproval(e.publisher(), operator);
        }
        if (refusal != null) {
            return new IntakeOutcome(IntakeOutcome.Kind.REJECTED, alertId, e.state().name(), refusal);
        }
        record(new OperatorAction(clock.millis(), kind, alertId, operator, reason));
        if (kind == OperatorAction.Kind.CANCEL) {
            stopAlert(alertId);
            planWithdrawals(e);
        } else if (kind == OperatorAction.Kind.APPROVE) {
            afterAccepted(e);
        }
        return new IntakeOutcome(IntakeOutcome.Kind.ACCEPTED, alertId, e.state().name(), null);
    }

    /** Starts planning of a live alert and watches its expiry. Also used by recovery. */
    void afterAccepted(AlertEntry e) {
        if (e.live()) {
            planner.start(e);
        }
        if (e.expires() != null && (e.live() || e.state() == AlertState.PENDING_APPROVAL)) {
            expiries.watch(e);
        }
        if (e.state() == AlertState.PENDING_APPROVAL && governance.approvalWindow() != null) {
            approvalDeadlines.watch(e, e.receivedAt().plus(governance.approvalWindow()));
        }
    }

    /**
     * Cancel wins: drops every queued send of the alert at once — the engine's queues and what connectors took
     * but have not sent yet — and stops its planning.
     */
    private void stopAlert(String alertId) {
        long t0 = System.nanoTime();
        long purged = 0;
        java.util.Set<Connector> connectors = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (ConnectorQueue q : router.queues()) {
            purged += q.purge(alertId);
            connectors.add(q.connector);
        }
        for (Connector c : connectors) {
            purged += c.withdraw(alertId);
        }
        planner.stop(alertId);
        stats.purged(alertId, purged, System.nanoTime() - t0);
    }

    /** Withdrawals (kill the cell broadcast, stop airing, forward the Cancel) go ahead of all other work. */
    private void planWithdrawals(AlertEntry e) {
        Map<String, List<Target>> byConnector = new LinkedHashMap<>();
        for (DispatchBatch b : ledger.batches(e)) {
            if (b.targets() == null || b.action() == DispatchAction.CANCEL || !WITHDRAWN.contains(b.kind())) {
                continue;
            }
            for (int i = 0; i < b.count(); i++) {
                if (REACHED.contains(ledger.stateOf(b.firstId() + i))) {
                    byConnector.computeIfAbsent(b.connector(), k -> new ArrayList<>()).add(b.targets().get(i));
                }
            }
        }
        long now = clock.millis();
        byConnector.forEach((connector, targets) -> record(new DispatchesPlanned(now, e.id(), connector,
                DispatchAction.CANCEL, e.sequence(), e.id(), nextDispatchId(), -1, targets)));
    }

    // ---- receipts -------------------------------------------------------------------------------------

    private int pollReceipts() {
        int[] n = {0};
        try {
            receipts.poller().poll((slot, seq, end) -> {
                DeliveryReceipt r = slot.receipt;
                slot.receipt = null;
                onReceipt(r);
                return ++n[0] < RECEIPTS_PER_CYCLE;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return n[0];
    }

    private void onReceipt(DeliveryReceipt r) {
        long id = r.dispatchId();
        DispatchState from = ledger.stateOf(id);
        DispatchState to = r.state();
        if (from == DispatchState.SUBMITTED && to == DispatchState.SUBMITTED) {
            return;
        }
        if (from == null || to == null || !ledger.legal(id, to)
                || (to == DispatchState.PLANNED && !inFlight.containsKey(id))) {
            ledger.countIllegal();
            return;
        }
        long at = r.at() != null ? r.at().toEpochMilli() : clock.millis();
        record(new DispatchOutcome(at, id, to, r.peerRef(), r.reason()));
        if (from == DispatchState.SUBMITTED) {
            InFlight f = inFlight.remove(id);
            if (f != null) {
                f.queue().inFlight--;
                if (to == DispatchState.PLANNED) {
                    requeue(id, f.dispatch().target(), f.queue());
                }
            }
        }
    }

    /** Puts one dispatch back at the head of its class; a dispatch of a closed alert is cancelled instead. */
    void requeue(long id, Target target, ConnectorQueue q) {
        DispatchBatch meta = ledger.batchOf(id);
        if (meta.action() == DispatchAction.CANCEL || meta.alertLive()) {
            q.addFirst(new QueuedBatch(meta, List.of(target), id));
        } else {
            record(new DispatchOutcome(clock.millis(), id, DispatchState.CANCELLED, null, "alert no longer live"));
        }
    }

    // ---- expiry ---------------------------------------------------------------------------------------

    private int expire(Instant now) {
        int n = 0;
        for (AlertEntry e = expiries.due(now); e != null; e = expiries.due(now)) {
            AlertState s = e.state();
            if (s == AlertState.ACTIVE || s == AlertState.DISPATCHING || s == AlertState.PENDING_APPROVAL
                    || s == AlertState.DONE) {
                String why = s == AlertState.PENDING_APPROVAL
                        ? "CAP expires " + e.expires() + " passed while waiting for approval; never sent"
                        : "expired at " + e.expires();
                record(new AlertClosed(now.toEpochMilli(), e.id(), AlertState.EXPIRED, why));
                stopAlert(e.id());
                n++;
            }
        }
        for (AlertEntry e = approvalDeadlines.due(now); e != null; e = approvalDeadlines.due(now)) {
            if (e.state() == AlertState.PENDING_APPROVAL) {
                record(new AlertClosed(now.toEpochMilli(), e.id(), AlertState.EXPIRED, "not approved within the "
                        + "approval window of " + governance.approvalWindow() + " (received " + e.receivedAt()
                        + "); never sent"));
                stopAlert(e.id());
                n++;
            }
        }
        return n;
    }

    // ---- journal + ledger + queues ----------------------------------------------------------------------

    @Override
    public void record(JournalRecord record) {
        long position = journal.append(record);
        DispatchBatch batch = ledger.apply(record, position);
        audit.onRecord(record);
        for (io.tocsin.ledger.CorrectionTiming t : ledger.drainCorrectionsTimed()) {
            audit.note("time-to-correct", "engine", t.originalId(), t.summary());
        }
        if (batch != null) {
            enqueue(batch, ((DispatchesPlanned) record).targets(), batch.firstId(), null);
        }
    }

    @Override
    public long nextDispatchId() {
        return ledger.nextDispatchId();
    }

    /**
     * Queues targets[i] as dispatch firstId + i, split into runs by connector; {@code only} (when not null)
     * picks which of them to queue (recovery). Unroutable ones fail with a reason.
     */
    void enqueue(DispatchBatch meta, List<Target> targets, long firstId, java.util.function.LongPredicate only) {
        int start = 0;
        while (start < targets.size()) {
            ConnectorQueue q = router.queueFor(meta.connector(), targets.get(start));
            int end = start + 1;
            while (end < targets.size() && router.queueFor(meta.connector(), targets.get(end)) == q) {
                end++;
            }
            enqueueRun(meta, targets, firstId, start, end, q, only);
            start = end;
        }
    }

    private void enqueueRun(DispatchBatch meta, List<Target> targets, long firstId, int start, int end,
                            ConnectorQueue q, java.util.function.LongPredicate only) {
        int i = start;
        while (i < end) {
            if (only != null && !only.test(firstId + i)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < end && (only == null || only.test(firstId + j))) {
                j++;
            }
            if (q == null) {
                for (int k = i; k < j; k++) {
                    record(new DispatchOutcome(clock.millis(), firstId + k, DispatchState.FAILED, null,
                            "no connector for " + targets.get(k).kind() + " carrier " + targets.get(k).carrier()));
                }
            } else {
                q.add(new QueuedBatch(meta, targets.subList(i, j), firstId + i));
            }
            i = j;
        }
    }

    private long nowNanos() {
        return nanos(clock.instant());
    }

    static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
