package io.tocsin.pipeline;

import io.tocsin.connector.AwaitingReceipt;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.Target;
import io.tocsin.journal.DispatchOutcome;
import io.tocsin.journal.DispatchesPlanned;
import io.tocsin.ledger.DispatchBatch;
import io.tocsin.ledger.Ledger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Start-up: gathers, during a replay of the journal into an already rebuilt ledger, the dispatches that are
 * still ACCEPTED (the peer took them, no final outcome came) with their planned target and the peer reference
 * of their ACCEPTED outcome, per connector, so that each connector can correlate late receipts after a restart.
 * Holds only those dispatches: the targets of finished ones are never kept.
 *
 * <p>Not thread-safe: used by the starting thread only.
 */
final class AwaitingReceipts {
    private final Ledger ledger;
    private final BiFunction<String, Target, String> route;
    private final Map<Long, Target> targets = new HashMap<>();
    private final Map<String, List<AwaitingReceipt>> byConnector = new HashMap<>();
    private long count;

    /**
     * @param route the connector a dispatch of a batch went to, from the batch's connector (null for SMS
     *              recipients, routed by carrier at dispatch time) and the target; null when none
     */
    AwaitingReceipts(Ledger ledger, BiFunction<String, Target, String> route) {
        this.ledger = ledger;
        this.route = route;
    }

    /** Feed every record of the journal in order (planned batches come before their outcomes). */
    void onPlanned(DispatchesPlanned d) {
        List<Target> list = d.targets();
        for (int i = 0; i < list.size(); i++) {
            long id = d.firstId() + i;
            if (ledger.stateOf(id) == DispatchState.ACCEPTED) {
                targets.put(id, list.get(i));
            }
        }
    }

    void onOutcome(DispatchOutcome o) {
        if (o.state() != DispatchState.ACCEPTED) {
            return;
        }
        Target target = targets.remove(o.dispatchId());
        DispatchBatch batch = target == null ? null : ledger.batchOf(o.dispatchId());
        String connector = batch == null ? null : route.apply(batch.connector(), target);
        if (connector == null) {
            return;
        }
        byConnector.computeIfAbsent(connector, c -> new ArrayList<>())
                .add(new AwaitingReceipt(o.dispatchId(), target, o.peerRef(), Instant.ofEpochMilli(o.at())));
        count++;
    }

    /** The dispatches of this connector awaiting an outcome, in acceptance order (never null). */
    List<AwaitingReceipt> of(String connector) {
        return byConnector.getOrDefault(connector, List.of());
    }

    long count() { return count; }
}
