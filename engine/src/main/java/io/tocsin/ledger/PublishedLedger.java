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

    private volatile Snapshot snapshot = new Snapshot(0, Map.of(), List.of());
    private final Map<String, DeliveryView> deliveries = new java.util.concurrent.ConcurrentHashMap<>();

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
        Map<String, AlertView> next = new LinkedHashMap<>(snapshot.byId());
        for (AlertView v : changed) {
            next.put(v.id(), v);
        }
        snapshot = new Snapshot(records, next, List.copyOf(new ArrayList<>(next.values())));
    }

    @Override
    public List<AlertView> alerts() {
        return snapshot.all();
    }

    @Override
    public Optional<AlertView> alert(String id) {
        return Optional.ofNullable(snapshot.byId().get(id));
    }

    @Override
    public LedgerSnapshot snapshot() {
        Snapshot s = snapshot;
        return new LedgerSnapshot(s.records(), s.all());
    }

    @Override
    public long journalRecords() {
        return snapshot.records();
    }
}
