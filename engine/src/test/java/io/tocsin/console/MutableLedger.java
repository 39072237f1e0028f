package io.tocsin.console;

import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.LedgerChanges;
import io.tocsin.ledger.LedgerView;
import io.tocsin.pipeline.Submission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A ledger whose snapshots a test sets directly. Thread-safe (synchronized). */
final class MutableLedger implements LedgerView {

    private final Map<String, AlertView> alerts = new LinkedHashMap<>();
    private final Map<String, Submission> submissions = new LinkedHashMap<>();
    private final List<String> changes = new ArrayList<>();
    private boolean keepsChangeLog;
    private int logCapacity = Integer.MAX_VALUE;
    private int fullScans;

    /** From now on answer {@link #changesSince} like the engine's ledger does (O(changed)). */
    synchronized MutableLedger keepingAChangeLog() {
        keepsChangeLog = true;
        return this;
    }

    /** As {@link #keepingAChangeLog()}, with a log that forgets all but the last {@code capacity} changes. */
    synchronized MutableLedger keepingAChangeLog(int capacity) {
        logCapacity = capacity;
        return keepingAChangeLog();
    }

    synchronized int fullScans() {
        return fullScans;
    }

    synchronized void put(AlertView view) {
        alerts.put(view.id(), view);
        changes.add(view.id());
    }

    synchronized void put(AlertView view, Submission submission) {
        put(view);
        submissions.put(view.id(), submission);
    }

    @Override
    public synchronized List<AlertView> alerts() {
        fullScans++;
        return new ArrayList<>(alerts.values());
    }

    @Override
    public synchronized LedgerChanges changesSince(long cursor) {
        if (!keepsChangeLog) {
            return LedgerChanges.unknown();
        }
        if (changes.size() - cursor > logCapacity) {
            return new LedgerChanges(changes.size(), List.of(), false);
        }
        return new LedgerChanges(changes.size(), List.copyOf(changes.subList((int) cursor, changes.size())), true);
    }

    @Override
    public synchronized Optional<AlertView> alert(String id) {
        return Optional.ofNullable(alerts.get(id));
    }

    @Override
    public synchronized Optional<Submission> submission(String id) {
        return Optional.ofNullable(submissions.get(id));
    }
}
