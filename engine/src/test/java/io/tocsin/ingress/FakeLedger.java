package io.tocsin.ingress;

import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.LedgerView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link LedgerView} over a map the test fills. */
final class FakeLedger implements LedgerView {

    final Map<String, AlertView> views = new ConcurrentHashMap<>();

    @Override
    public List<AlertView> alerts() {
        return List.copyOf(views.values());
    }

    @Override
    public Optional<AlertView> alert(String id) {
        return Optional.ofNullable(views.get(id));
    }
}
