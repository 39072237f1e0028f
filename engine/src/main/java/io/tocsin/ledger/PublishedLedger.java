package io.tocsin.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The readable side of the ledger: an immutable snapshot swapped in by the pipeline thread. Thread-safe; any
 * thread may read. A snapshot also says how many journal records it reflects (for replay comparisons).
 */
final class PublishedLedger implements LedgerView {

    /** Every alert view as of {@code records} applied journal records, in acceptance order. */
    record Snapshot(long records, Map<String, AlertView> byId, List<AlertView> all) {
    }

    // Views are immutable and replaced one by one, so publishing costs O(changed), not O(all alerts): the
    // ordered list readers ask for is built lazily, at most once per publish, by the reader that needs it.
    private final Map<String, AlertView> byId = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();
    private volatile long records;
    private volatile long version;
    private volatile Snapshot cached = new Snapshot(0, Map.of(), List.of());
    private volatile long cachedVersion;
    private final Map<String, DeliveryView> deliveries = new java.util.concurrent.ConcurrentHashMap<>();
    private final ChangeLog changes = new ChangeLog(1 << 16);

    void publish(List<AlertView> changed, List<DeliveryView> changedDeliveries, long records) {
        for (DeliveryView d : changedDeliveries) {
            deliveries.put(d.alertId(), d);
        }
        publish(changed, records);
    }

    @Override
    public Optional<DeliveryView> delivery(String id) {
        return Optional.ofNullable(deliveries.get(id));
    }

    void publish(List<AlertView> changed, long records) {
        for (AlertView v : changed) {
            if (byId.put(v.id(), v) == null) {
                synchronized (order) {
                    order.add(v.id());
                }
            }
            changes.add(v.id()); // after the view: a reader that sees the id must find the new view
        }
        this.records = records;
        version++;
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
            map.put(id, byId.get(id));
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
        return Optional.ofNullable(byId.get(id));
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
