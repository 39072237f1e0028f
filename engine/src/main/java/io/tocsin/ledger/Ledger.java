package io.tocsin.ledger;

import io.tocsin.cap.Alert;
import io.tocsin.cap.CapDateTime;
import io.tocsin.cap.MsgType;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.journal.AlertAccepted;
import io.tocsin.journal.AlertClosed;
import io.tocsin.journal.DispatchOutcome;
import io.tocsin.journal.DispatchRange;
import io.tocsin.journal.DispatchesPlanned;
import io.tocsin.journal.Journal;
import io.tocsin.journal.JournalRecord;
import io.tocsin.journal.OperatorAction;
import io.tocsin.journal.PlanningProgress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Alert states, per-dispatch states and counters, materialised from journal records. Live and replay go
 * through the same {@link #apply} so a replayed ledger equals the live one; nothing here reads a clock.
 *
 * <p>Thread-safety: owned by the pipeline thread (the only writer). Readers use {@link #view()}, which
 * {@link #publish()} refreshes with immutable snapshots.
 */
public final class Ledger implements AlertLoader {
    private final IdTable<AlertEntry> entries = new IdTable<>();
    /** Every entry in acceptance order (what {@link #entries()} returns). */
    private final List<AlertEntry> accepted = new ArrayList<>();
    /** Each CAP identity's entry, by its place in {@link #accepted}. */
    private final KeyIndex keys = new KeyIndex(accepted::get);
    /** Where dropped CAP models are reloaded from; null = keep every model (no journal to read back). */
    private final Journal journal;
    private final SharedTexts texts = new SharedTexts();
    private final DispatchTable table = new DispatchTable();
    private final References references = new References(entries, keys);
    private final PublishedLedger published;
    private final List<AlertEntry> dirty = new ArrayList<>();
    private long alertCount;
    private long recordsApplied;
    private long illegalTransitions;
    private final List<CorrectionTiming> timed = new ArrayList<>();
    private long compacted;

    /** A ledger that keeps every alert's CAP model (nothing to reload it from). */
    public Ledger() {
        this(null);
    }

    /**
     * A ledger that drops the CAP model of settled alerts and reloads it from {@code journal} (by the positions
     * given to {@link #apply(JournalRecord, long)}) when a reader or a late operator action needs it.
     */
    public Ledger(Journal journal) {
        this.journal = journal;
        this.published = new PublishedLedger(journal);
    }

    public LedgerView view() { return published; }

    /** How many alerts had their CAP model dropped from the heap since start (metrics, tests). */
    public long compacted() { return compacted; }

    @Override
    public Alert load(long position) {
        AlertAccepted a = readAccepted(journal, position);
        if (a == null) {
            throw new IllegalStateException("journal has no alert at position " + position);
        }
        return a.alert();
    }

    @Override
    public Alert cancelling(String alertId) {
        return entries.get(alertId).alert();
    }

    /** The AlertAccepted record at {@code position}, or null when the journal cannot give it. Any thread. */
    static AlertAccepted readAccepted(Journal journal, long position) {
        if (journal == null || position < 0) {
            return null;
        }
        return journal.read(position) instanceof AlertAccepted a ? a : null;
    }

    /** Publishes snapshots of every alert changed since the last call. */
    public void publish() {
        if (dirty.isEmpty()) {
            return;
        }
        List<AlertView> views = new ArrayList<>(dirty.size());
        List<DeliveryView> deliveries = new ArrayList<>(dirty.size());
        long[] positions = new long[dirty.size()];
        int i = 0;
        for (AlertEntry e : dirty) {
            positions[i++] = e.position;
            e.dirty = false;
            // Dropped only here, after the intake batch that settled it: a Cancel's withdrawals are planned
            // right after its acceptance and still carry the model they were given.
            if (e.compact()) {
                compacted++;
            }
            views.add(Views.of(e));
            deliveries.add(Views.delivery(e));
        }
        dirty.clear();
        published.publish(views, deliveries, positions, recordsApplied);
    }

    public String nextAlertId() { return alertId(alertCount + 1); }

    /** {@code tx-000042}: at least six digits (what {@code String.format("tx-%06d")} gave, without its cost). */
    static String alertId(long n) {
        String digits = Long.toString(n);
        return digits.length() >= 6 ? "tx-" + digits : "tx-" + "000000".substring(digits.length()) + digits;
    }

    public long nextDispatchId() { return table.nextId(); }

    /** The engine id already given to this alert's (sender, identifier, sent), or null. */
    public String idFor(Alert alert) {
        AlertEntry e = keys.find(alert.sender(), alert.identifier(), alert.sent());
        return e == null ? null : e.id;
    }

    public AlertEntry entry(String alertId) { return entries.get(alertId); }

    public Collection<AlertEntry> entries() { return java.util.Collections.unmodifiableList(accepted); }

    public DispatchState stateOf(long dispatchId) { return table.state(dispatchId); }

    public DispatchBatch batchOf(long dispatchId) { return table.batchOf(dispatchId); }

    public List<DispatchBatch> batches(AlertEntry entry) { return List.copyOf(entry.batches); }

    public long recordsApplied() { return recordsApplied; }

    public long illegalTransitions() { return illegalTransitions; }

    /** Counts an illegal transition seen before journaling (e.g. a duplicate receipt). */
    public void countIllegal() { illegalTransitions++; }

    /** Whether moving this dispatch to {@code to} is legal now. */
    public boolean legal(long dispatchId, DispatchState to) {
        DispatchState from = table.state(dispatchId);
        return from != null && table.batchOf(dispatchId) != null && from.canMoveTo(to);
    }

    public ReferenceDecision decide(Alert alert) { return references.decide(alert); }

    /** Corrections whose first dispatch went out since the last call (for the audit chain); clears the list. */
    public List<CorrectionTiming> drainCorrectionsTimed() {
        if (timed.isEmpty()) {
            return List.of();
        }
        List<CorrectionTiming> out = List.copyOf(timed);
        timed.clear();
        return out;
    }

    /** Why an operator action cannot be taken now, or null when it can. Call only for known alerts. */
    public String refusal(OperatorAction.Kind kind, String alertId, String operator) {
        AlertEntry e = entries.get(alertId);
        switch (kind) {
            case CANCEL:
                if (e.state == AlertState.CANCELLED) {
                    return "already cancelled";
                }
                if (e.state == AlertState.SUPERSEDED) {
                    return "superseded by " + e.supersededBy + "; cancel that alert instead";
                }
                if (e.state == AlertState.EXPIRED || e.state == AlertState.REJECTED) {
                    return "alert is " + e.state + "; nothing to cancel";
                }
                return null;
            case APPROVE:
            case REJECT:
                if (e.state != AlertState.PENDING_APPROVAL) {
                    return "alert is " + e.state + ", not PENDING_APPROVAL";
                }
                if (kind == OperatorAction.Kind.APPROVE && operator != null && operator.equals(e.publisher)) {
                    return "an alert must be approved by someone other than its submitter";
                }
                return null;
            default:
                throw new IllegalArgumentException(kind.name());
        }
    }

    /** Applies one journaled record whose position is unknown (its alert's CAP model is then always kept). */
    public DispatchBatch apply(JournalRecord record) {
        return apply(record, -1);
    }

    /**
     * Applies one journaled record found at {@code position} (what {@link Journal#append} returned, or the
     * replay's position); returns the batch created for a {@link DispatchesPlanned}, else null.
     */
    public DispatchBatch apply(JournalRecord record, long position) {
        recordsApplied++;
        if (record instanceof DispatchOutcome r) {
            applyOutcome(r);
        } else if (record instanceof DispatchRange r) {
            for (long id = r.firstId(); id < r.firstId() + r.count(); id++) {
                move(id, r.state(), r.at(), null);
            }
        } else if (record instanceof DispatchesPlanned r) {
            return applyPlanned(r);
        } else if (record instanceof AlertAccepted r) {
            applyAccepted(r, position);
        } else if (record instanceof OperatorAction r) {
            applyOperator(r);
        } else if (record instanceof AlertClosed r) {
            AlertEntry e = entries.get(r.alertId());
            close(e, r.state(), Instant.ofEpochMilli(r.at()), r.detail());
        } else if (record instanceof PlanningProgress r) {
            applyProgress(r);
        }
        return null;
    }

    private void applyAccepted(AlertAccepted r, long position) {
        Instant at = Instant.ofEpochMilli(r.at());
        Alert alert = r.alert();
        ReferenceDecision decision = references.decide(alert);
        AlertEntry e = new AlertEntry(r.alertId(), ++alertCount, alert, position, journal == null ? null : this,
                r.publisher(), at, texts);
        AlertEntry previous = entries.put(e.id, e);
        int place;
        if (previous == null) {
            place = accepted.size();
            accepted.add(e);
        } else {
            place = accepted.indexOf(previous);
            accepted.set(place, e); // (a re-applied id keeps its place, as a map's value would)
        }
        keys.put(alert.sender(), alert.identifier(), alert.sent(), place);
        e.note(at, "accepted", "from " + r.publisher() + ", " + alert.msgType() + ", " + r.raw().length + " bytes");
        for (String note : decision.notes()) {
            e.note(at, "reference", note);
        }
        e.state = r.needsApproval() ? AlertState.PENDING_APPROVAL : AlertState.ACTIVE;
        if (r.correction()) {
            e.correction = true;
            e.priorityClass = 0;
            e.note(at, "pre-approved correction", "from " + r.publisher() + ": no approval, ahead of every queue");
        }
        if (r.needsApproval()) {
            e.note(at, "pending approval", "waits for an operator other than " + r.publisher());
        }
        if (decision.kind() == ReferenceDecision.Kind.SUPERSEDE) {
            AlertEntry old = entries.get(decision.targets().get(0));
            e.sequence = old.sequence + 1;
            e.replaces = old.id;
            old.supersededBy = e.id;
            boolean released = released(old);
            long purged = close(old, AlertState.SUPERSEDED, at, "superseded by " + e.id);
            if (released) {
                old.corrected = new CorrectionTiming(old.id, e.id, old.firstDispatch(), at, at, purged, null);
            }
            e.note(at, "supersedes", old.id + " (update number " + e.sequence + ")");
        } else if (decision.kind() == ReferenceDecision.Kind.CANCEL) {
            for (String target : decision.targets()) {
                AlertEntry old = entries.get(target);
                old.cancelledBy = e.id;
                old.cancelContent = alert;
                boolean released = released(old);
                long purged = close(old, AlertState.CANCELLED, at, "cancelled by " + e.id);
                if (released) {
                    old.corrected = new CorrectionTiming(old.id, e.id, old.firstDispatch(), at, at, purged, null);
                }
                e.note(at, "cancels", old.id);
            }
            e.state = AlertState.DONE;
        }
        MsgType type = alert.msgTypeValue();
        if (type == MsgType.Ack || type == MsgType.Error) {
            e.state = AlertState.DONE;
        }
        touch(e);
    }

    private void applyOperator(OperatorAction r) {
        Instant at = Instant.ofEpochMilli(r.at());
        AlertEntry e = entries.get(r.alertId());
        switch (r.kind()) {
            case CANCEL:
                e.cancelledBy = "operator:" + r.operator();
                e.cancelContent = operatorCancel(e.alert(), r.at());
                e.operatorCancelAt = r.at();
                boolean released = released(e);
                long purged = close(e, AlertState.CANCELLED, at, "cancelled by operator " + r.operator()
                        + (r.reason() == null ? "" : ": " + r.reason()));
                if (released) {
                    e.corrected = new CorrectionTiming(e.id, e.cancelledBy, e.firstDispatch(), at, at, purged, null);
                }
                break;
            case APPROVE:
                e.state = AlertState.ACTIVE;
                e.note(at, "approved", "by " + r.operator());
                break;
            case REJECT:
                e.state = AlertState.REJECTED;
                e.note(at, "rejected", "by " + r.operator() + (r.reason() == null ? "" : ": " + r.reason()));
                break;
            default:
                throw new IllegalArgumentException(r.kind().name());
        }
        touch(e);
    }

    private DispatchBatch applyPlanned(DispatchesPlanned r) {
        AlertEntry e = entries.get(r.alertId());
        ChannelKind kind = r.targets().get(0).kind();
        DispatchBatch b = new DispatchBatch(e, r.connector(), kind, r.action(), r.sequence(), r.replaces(),
                r.firstId(), r.targets().size(), kind == ChannelKind.SMS ? null : r.targets(),
                kind == ChannelKind.SMS && r.action() != DispatchAction.CANCEL ? RegionIndex.of(r.targets()) : null);
        table.add(b);
        e.addBatch(b);
        if (b.regions != null) {
            b.regions.counts(b.count).forEach((region, n) -> e.region(region)[AlertEntry.REGION_PLANNED] += n);
        }
        long[] c = e.counters(b.counterKey);
        c[DispatchState.PLANNED.ordinal()] += b.count;
        c[AlertEntry.PLANNED_TOTAL] += b.count;
        e.pending += b.count;
        if (r.recipientsConsumed() >= 0) {
            e.recipientsConsumed = Math.max(e.recipientsConsumed, r.recipientsConsumed());
        }
        if (e.state == AlertState.ACTIVE && r.action() != DispatchAction.CANCEL) {
            e.state = AlertState.DISPATCHING;
            e.note(Instant.ofEpochMilli(r.at()), "dispatching", "first dispatches planned");
        }
        if (r.action() == DispatchAction.CANCEL) {
            e.note(Instant.ofEpochMilli(r.at()), "withdrawal planned", b.count + " on " + r.connector());
        }
        touch(e);
        return b;
    }

    private static boolean released(AlertEntry e) {
        return e.state == AlertState.ACTIVE || e.state == AlertState.DISPATCHING || e.state == AlertState.DONE;
    }

    /** The first hand-over of a correction (its update, or the withdrawals of a cancel) completes its timing. */
    private void timeCorrection(DispatchBatch b, long at) {
        AlertEntry original = b.action == DispatchAction.CANCEL ? b.alert
                : b.alert.replaces == null ? null : entries.get(b.alert.replaces);
        if (original == null || original.corrected == null || original.corrected.correctionFirstDispatch() != null
                || (b.action != DispatchAction.CANCEL && !b.alert.id.equals(original.corrected.correctedBy()))) {
            return;
        }
        CorrectionTiming t = original.corrected.withFirstDispatch(Instant.ofEpochMilli(at));
        original.corrected = t;
        original.note(t.correctionFirstDispatch(), "time to correct", t.summary());
        touch(original);
        AlertEntry by = entries.get(t.correctedBy());
        if (by != null && by != original) {
            by.note(t.correctionFirstDispatch(), "time to correct", t.summary());
            touch(by);
        }
        timed.add(t);
    }

    private void applyProgress(PlanningProgress r) {
        AlertEntry e = entries.get(r.alertId());
        Instant at = Instant.ofEpochMilli(r.at());
        switch (r.stage()) {
            case AREAS_PLANNED:
                e.areasPlanned = true;
                e.note(at, "areas planned", r.detail());
                break;
            case RECIPIENTS_PLANNED:
                e.recipientsPlanned = true;
                e.note(at, "recipients planned", r.count() + " recipients" + (r.detail() == null ? "" : "; " + r.detail()));
                break;
            case FAILED:
                e.areasPlanned = true;
                e.recipientsPlanned = true;
                e.note(at, "planning failed", r.detail());
                break;
            default:
                throw new IllegalArgumentException(r.stage().name());
        }
        maybeDone(e, at);
        touch(e);
    }

    private void applyOutcome(DispatchOutcome r) {
        DispatchBatch b = move(r.dispatchId(), r.state(), r.at(), r.reason());
        if (b != null && b.kind != ChannelKind.SMS) {
            b.alert.note(Instant.ofEpochMilli(r.at()), b.counterKey + " " + r.state(),
                    b.connector + (r.peerRef() == null ? "" : " ref " + r.peerRef())
                            + (r.reason() == null ? "" : ": " + r.reason()));
        }
    }

    private DispatchBatch move(long id, DispatchState to, long at, String reason) {
        DispatchState from = table.state(id);
        DispatchBatch b = table.batchOf(id);
        if (from == null || b == null || !from.canMoveTo(to)) {
            illegalTransitions++;
            if (b != null) {
                b.alert.delivery(b.counterKey).duplicates++;
            }
            return null;
        }
        table.set(id, to);
        AlertEntry e = b.alert;
        if (to == DispatchState.SUBMITTED) {
            timeCorrection(b, at);
        }
        e.delivery(b.counterKey).record(from, to, at, at - e.receivedAt.toEpochMilli(), reason, 1);
        long[] c = e.counters(b.counterKey);
        c[from.ordinal()]--;
        c[to.ordinal()]++;
        if (b.regions != null) {
            countRegion(e, b.regions.region((int) (id - b.firstId)), from, to);
        }
        boolean wasPending = from == DispatchState.PLANNED || from == DispatchState.SUBMITTED;
        boolean isPending = to == DispatchState.PLANNED || to == DispatchState.SUBMITTED;
        if (wasPending && !isPending) {
            e.pending--;
            maybeDone(e, Instant.ofEpochMilli(at));
        } else if (!wasPending && isPending) {
            e.pending++;
        }
        touch(e);
        return b;
    }

    private static void countRegion(AlertEntry e, String region, DispatchState from, DispatchState to) {
        if (region == null) {
            return;
        }
        long[] r = e.region(region);
        if (from == DispatchState.DELIVERED) {
            r[AlertEntry.REGION_DELIVERED]--;
        } else if (from == DispatchState.FAILED) {
            r[AlertEntry.REGION_FAILED]--;
        }
        if (to == DispatchState.DELIVERED) {
            r[AlertEntry.REGION_DELIVERED]++;
        } else if (to == DispatchState.FAILED) {
            r[AlertEntry.REGION_FAILED]++;
        }
    }

    /** Closes the alert and drops its queued dispatches; returns how many were dropped. */
    private long close(AlertEntry e, AlertState state, Instant at, String detail) {
        if (e.state == AlertState.CANCELLED || e.state == AlertState.SUPERSEDED || e.state == AlertState.EXPIRED
                || e.state == AlertState.REJECTED) {
            e.note(at, state.name().toLowerCase(), detail + " (was already " + e.state + ")");
            touch(e);
            return 0;
        }
        DispatchState drop = state == AlertState.EXPIRED ? DispatchState.EXPIRED : DispatchState.CANCELLED;
        long dropped = 0;
        e.state = state;
        for (DispatchBatch b : e.batches) {
            if (b.action == DispatchAction.CANCEL) {
                continue;
            }
            long n = table.replaceAll(b.firstId, b.count, DispatchState.PLANNED, drop);
            if (n > 0) {
                long[] c = e.counters(b.counterKey);
                c[DispatchState.PLANNED.ordinal()] -= n;
                c[drop.ordinal()] += n;
                e.pending -= n;
                dropped += n;
            }
        }
        e.note(at, state.name().toLowerCase(), detail + "; " + dropped + " queued dispatches dropped");
        touch(e);
        return dropped;
    }

    private void maybeDone(AlertEntry e, Instant at) {
        if (e.live() && e.areasPlanned && e.recipientsPlanned && e.pending == 0) {
            e.state = AlertState.DONE;
            e.note(at, "done", "every planned dispatch was handed over or closed");
        }
    }

    private void touch(AlertEntry e) {
        if (!e.dirty) {
            e.dirty = true;
            dirty.add(e);
        }
    }

    /** The CAP Cancel an operator cancel sends to channels that forward messages (webhooks, feeds). */
    static Alert operatorCancel(Alert original, long atMillis) {
        String sent = CapDateTime.format(Instant.ofEpochMilli(atMillis).atOffset(ZoneOffset.UTC));
        return new Alert(original.version(), original.identifier() + "-cancel", original.sender(), sent,
                original.status(), "Cancel", original.source(), original.scope(), original.restriction(),
                original.addresses(), original.codes(), "cancelled by operator", original.key(),
                original.incidents(), original.infos());
    }
}
