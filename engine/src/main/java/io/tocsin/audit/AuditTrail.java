package io.tocsin.audit;

import io.tocsin.cap.Alert;
import io.tocsin.connector.DispatchState;
import io.tocsin.journal.AlertAccepted;
import io.tocsin.journal.AlertClosed;
import io.tocsin.journal.DispatchOutcome;
import io.tocsin.journal.DispatchRange;
import io.tocsin.journal.DispatchesPlanned;
import io.tocsin.journal.JournalRecord;
import io.tocsin.journal.OperatorAction;
import io.tocsin.journal.PlanningProgress;
import io.tocsin.ledger.DispatchBatch;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the journal records the pipeline writes into hash-chained {@link AuditLog} lines: one line per
 * submit, approval, rejection, operator cancel, close and planned dispatch batch; dispatch hand-overs and
 * receipts (millions) are summed per (alert, connector, state) and written as one line each at
 * {@link #flush()}, which the pipeline calls when it publishes the ledger. An audit write failure is logged
 * and counted, never allowed to stop dispatching.
 *
 * <p>Thread-safety: none; owned by the pipeline thread (the audit log's single writer).
 */
public final class AuditTrail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    /** An audit trail that writes nothing (engines built without a data directory, unit tests). */
    public static final AuditTrail NONE = new AuditTrail(null, id -> null);

    private final AuditLog log;
    private final LongFunction<DispatchBatch> batchOf;
    private final Map<String, long[]> pending = new LinkedHashMap<>();
    private final StringBuilder detail = new StringBuilder(256);
    private long failures;
    private boolean closed;

    /** {@code batchOf} finds the planned batch of a dispatch id (the ledger's). */
    public AuditTrail(AuditLog log, LongFunction<DispatchBatch> batchOf) {
        this.log = log;
        this.batchOf = batchOf;
    }

    public void onRecord(JournalRecord record) {
        if (log == null || closed) {
            return;
        }
        try {
            write(record);
        } catch (RuntimeException e) {
            failures++;
            LOG.error("audit append failed ({} so far)", failures, e);
        }
    }

    /** Appends one line that is not a journal record (e.g. a correction's measured time-to-correct). */
    public void note(String type, String actor, String alertId, String detail) {
        if (log == null || closed) {
            return;
        }
        try {
            log.write(type, actor, alertId, detail);
        } catch (RuntimeException e) {
            failures++;
            LOG.error("audit append failed ({} so far)", failures, e);
        }
    }

    private void write(JournalRecord record) {
        if (record instanceof DispatchOutcome r) {
            count(r.dispatchId(), r.state(), 1);
        } else if (record instanceof DispatchRange r) {
            count(r.firstId(), r.state(), r.count());
        } else if (record instanceof AlertAccepted r) {
            Alert a = r.alert();
            StringBuilder d = detail();
            d.append(a.status()).append(' ').append(a.msgType()).append(' ').append(a.sender()).append(',')
                    .append(a.identifier()).append(',').append(a.sent());
            if (r.needsApproval()) {
                d.append(" (needs approval)");
            }
            if (r.correction()) {
                d.append(" (pre-approved correction)");
            }
            log.write("submit", r.publisher(), r.alertId(), d.append(' ').append(r.raw().length).append(" bytes"));
        } else if (record instanceof OperatorAction r) {
            log.write(r.kind().name().toLowerCase(), r.operator(), r.alertId(), r.reason() == null ? "" : r.reason());
        } else if (record instanceof DispatchesPlanned r) {
            log.write("dispatch-planned", "engine", r.alertId(), r.action() + " " + r.targets().size() + " on "
                    + (r.connector() != null ? r.connector() : r.targets().get(0).kind().name()) + " ids " + r.firstId() + ".." + (r.firstId() + r.targets().size() - 1));
        } else if (record instanceof AlertClosed r) {
            StringBuilder d = detail().append(r.state());
            log.write("close", "engine", r.alertId(), r.detail() == null ? d : d.append(": ").append(r.detail()));
        } else if (record instanceof PlanningProgress r) {
            StringBuilder d = detail().append(r.stage()).append(' ').append(r.count());
            log.write("planning", "engine", r.alertId(), r.detail() == null ? d : d.append(": ").append(r.detail()));
        }
    }

    /** The reused detail text, emptied (the per-alert lines' details are built here, not as new Strings). */
    private StringBuilder detail() {
        detail.setLength(0);
        return detail;
    }

    private void count(long dispatchId, DispatchState state, int n) {
        DispatchBatch b = batchOf.apply(dispatchId);
        String key = b == null ? "?\t?" : b.alertId() + "\t" + (b.connector() != null ? b.connector() : b.kind().name());
        pending.computeIfAbsent(key, k -> new long[DispatchState.values().length])[state.ordinal()] += n;
    }

    /** Writes the summed dispatch and receipt lines, then flushes the log (end of a pipeline batch). */
    public void flush() {
        if (log == null || closed) {
            return;
        }
        try {
            for (Map.Entry<String, long[]> e : pending.entrySet()) {
                String[] k = e.getKey().split("\t", 2);
                long[] c = e.getValue();
                StringBuilder dispatched = new StringBuilder();
                StringBuilder receipts = new StringBuilder();
                for (DispatchState s : DispatchState.values()) {
                    if (c[s.ordinal()] == 0) {
                        continue;
                    }
                    StringBuilder to = s == DispatchState.SUBMITTED || s == DispatchState.PLANNED ? dispatched : receipts;
                    to.append(to.length() == 0 ? "" : " ").append(s).append('=').append(c[s.ordinal()]);
                }
                if (dispatched.length() > 0) {
                    log.write("dispatch", k[1], k[0], dispatched.toString());
                }
                if (receipts.length() > 0) {
                    log.write("receipts", k[1], k[0], receipts.toString());
                }
            }
            pending.clear();
            log.flush();
        } catch (RuntimeException e) {
            failures++;
            LOG.error("audit flush failed ({} so far)", failures, e);
        }
    }

    /** Audit writes that failed (logged); 0 in a healthy engine. */
    public long failures() { return failures; }

    @Override
    public void close() {
        if (log != null && !closed) {
            closed = true;
            flush();
            log.close();
        }
    }
}
