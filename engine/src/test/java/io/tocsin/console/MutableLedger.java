package io.tocsin.console;

import io.tocsin.ledger.AlertView;
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

    synchronized void put(AlertView view) {
        alerts.put(view.id(), view);
    }

    synchronized void put(AlertView view, Submission submission) {
        alerts.put(view.id(), view);
        submissions.put(view.id(), submission);
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
}
