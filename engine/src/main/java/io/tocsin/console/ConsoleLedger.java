package io.tocsin.console;

import io.tocsin.cap.Alert;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.LedgerView;
import io.tocsin.pipeline.Submission;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger as the console reads it: bound to the engine's {@link LedgerView} once the engine exists (routes
 * are built before it), plus the submissions seen by ingress (CAP model and raw body, keyed by CAP's
 * sender,identifier,sent) for ledgers that do not keep them. Bounded: the oldest {@code maxKept} bodies are
 * forgotten first. After a restart, replayed alerts have no kept body unless the ledger provides one.
 * Thread-safe.
 */
public final class ConsoleLedger implements LedgerView {

    private volatile LedgerView delegate;
    private final Map<String, Submission> byKey;

    public ConsoleLedger(int maxKept) {
        this.byKey = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Submission> eldest) {
                return size() > maxKept;
            }
        };
    }

    public void bind(LedgerView ledger) {
        this.delegate = ledger;
    }

    /**
     * Remembers a body ingress parsed into {@code alert}; nothing when the bound ledger reads bodies back from its
     * journal (then keeping them here would only hold thousands of CAP models on the heap for nothing).
     */
    public void remember(Alert alert, byte[] raw, String contentType) {
        LedgerView d = delegate;
        if (d != null && d.keepsSubmissions()) {
            return;
        }
        synchronized (byKey) {
            byKey.put(alert.key(), new Submission(alert, raw, contentType, null, false, Instant.EPOCH));
        }
    }

    @Override
    public List<AlertView> alerts() {
        LedgerView d = delegate;
        return d == null ? List.of() : d.alerts();
    }

    @Override
    public Optional<AlertView> alert(String id) {
        LedgerView d = delegate;
        return d == null ? Optional.empty() : d.alert(id);
    }

    @Override
    public io.tocsin.ledger.LedgerChanges changesSince(long cursor) {
        LedgerView d = delegate;
        return d == null ? io.tocsin.ledger.LedgerChanges.unknown() : d.changesSince(cursor);
    }

    @Override
    public Optional<io.tocsin.ledger.DeliveryView> delivery(String id) {
        LedgerView d = delegate;
        return d == null ? Optional.empty() : d.delivery(id);
    }

    @Override
    public boolean keepsSubmissions() {
        LedgerView d = delegate;
        return d != null && d.keepsSubmissions();
    }

    @Override
    public Optional<Submission> submission(String id) {
        LedgerView d = delegate;
        if (d == null) {
            return Optional.empty();
        }
        Optional<Submission> own = d.submission(id);
        if (own.isPresent()) {
            return own;
        }
        return d.alert(id).map(v -> {
            synchronized (byKey) {
                return byKey.get(v.sender() + "," + v.identifier() + "," + v.sent());
            }
        });
    }
}
