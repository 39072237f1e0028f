package io.tocsin.ledger;

import io.tocsin.journal.AlertAccepted;
import io.tocsin.journal.Journal;
import io.tocsin.pipeline.Submission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The readable side of the ledger: an immutable snapshot swapped in by the pipeline thread. Thread-safe; any
 * thread may read. A snapshot also says how many journal records it reflects (for replay comparisons).
 *
 * <p>Settled alerts' delivery views carry no CAP model (the ledger dropped it): {@link #delivery} and
 * {@link #submission} read it back from the journal at the alert's position, on the reader's thread.
 */
final class PublishedLedger implements LedgerView {

    /** Every alert view as of {@code records} applied journal records, in acceptance order. */
    record Snapshot(long records, Map<String, AlertView> byId, List<AlertView> all) {
    }

    /** One alert as published: its view, its delivery view and where its AlertAccepted is in the journal. */
    record Published(AlertView view, DeliveryView delivery, long position) {
    }

    // Views are immutable and replaced one by one, so publishing costs O(changed), not O(all alerts): the
    // ordered list readers ask for is built lazily, at most once per publish, by the reader that needs it.
    private final IdTable<Published> byId = new IdTable<>();
    private final List<String> order = new ArrayList<>();
    private final Journal journal;
    private volatile long records;
    private volatile long version;
    private volatile Snapshot cached = new Snapshot(0, Map.of(), List.of());
    private volatile long cachedVersion;
    private final ChangeLog changes = new ChangeLog(1 << 16);

    PublishedLedger(Journal journal) {
        this.journal = journal;
    }

    void publish(List<AlertView> changed, List<DeliveryView> changedDeliveries, long[] positions, long records) {
        for (int i = 0; i < changed.size(); i++) {
            AlertView v = changed.get(i);
            if (byId.put(v.id(), new Published(v, changedDeliveries.get(i), positions[i])) == null) {
                synchronized (order) {
                    order.add(v.id());
                }
            }
            changes.add(v.id()); // after the view: a reader that sees the id must find the new view
        }
        this.records = records;
        version++;
    }

    @Override
    public Optional<DeliveryView> delivery(String id) {
        Published p = byId.get(id);
        if (p == null || p.delivery() == null) {
            return Optional.empty();
        }
        DeliveryView d = p.delivery();
        if (d.alert() != null) {
            return Optional.of(d);
        }
        AlertAccepted a = Ledger.readAccepted(journal, p.position());
        return Optional.of(a == null ? d : new DeliveryView(d.alertId(), a.alert(), d.replaces(), d.supersededBy(),
                d.cancelledBy(), d.channels(), d.regions(), d.corrected()));
    }

    /** Read back from the journal: the model, the body as received, its content type, publisher and time. */
    @Override
    public Optional<Submission> submission(String id) {
        Published p = byId.get(id);
        AlertAccepted a = p == null ? null : Ledger.readAccepted(journal, p.position());
        return a == null ? Optional.empty() : Optional.of(new Submission(a.alert(), a.raw(), a.contentType(),
                a.publisher(), a.needsApproval(), Instant.ofEpochMilli(a.at())));
    }

    @Override
    public boolean keepsSubmissions() {
        return journal != null;
    }

    private Snapshot current() {
        long v = version;
        Snapshot s = cached;
        if (cachedVersion == v) {
            return s;
        }
        long r = records;
        List<String> ids;
        synchronized (order) {
            ids = new ArrayList<>(order);
        }
        Map<String, AlertView> map = new LinkedHashMap<>();
        for (String id : ids) {
            map.put(id, byId.get(id).view());
        }
        s = new Snapshot(r, java.util.Collections.unmodifiableMap(map), List.copyOf(map.values()));
        cached = s;
        cachedVersion = v;
        return s;
    }

    @Override
    public List<AlertView> alerts() {
        return current().all();
    }

    @Override
    public Optional<AlertView> alert(String id) {
        Published p = byId.get(id);
        return p == null ? Optional.empty() : Optional.of(p.view());
    }

    @Override
    public LedgerChanges changesSince(long cursor) {
        return changes.since(cursor);
    }

    @Override
    public LedgerSnapshot snapshot() {
        Snapshot s = current();
        return new LedgerSnapshot(s.records(), s.all());
    }

    @Override
    public long journalRecords() {
        return records;
    }
}
