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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Start-up: gathers the dispatches that are still ACCEPTED (the peer took them, no final outcome came) with their
 * planned target and the peer reference of their ACCEPTED outcome, per connector, so that each connector can
 * correlate late receipts after a restart. Fed in three steps: {@link #onOutcome} during the one full replay
 * (keeps the accepting outcome of each dispatch while it is ACCEPTED), {@link #onPlanned} for the batches read
 * again afterwards (keeps the targets of dispatches still ACCEPTED), then {@link #finish}. Holds only dispatches
 * ACCEPTED at that point of the replay: the targets of finished ones are never kept.
 *
 * <p>Not thread-safe: used by the starting thread only.
 */
final class AwaitingReceipts {
    private final Ledger ledger;
    private final BiFunction<String, Target, String> route;
    /** The outcome that accepted each dispatch ACCEPTED at this point of the replay, in acceptance order. */
    private final Map<Long, DispatchOutcome> accepted = new LinkedHashMap<>();
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

    /** During the replay, each outcome right after the ledger applied it. */
    void onOutcome(DispatchOutcome o) {
        DispatchState now = ledger.stateOf(o.dispatchId());
        if (now == DispatchState.ACCEPTED) {
            if (o.state() == DispatchState.ACCEPTED) {
                accepted.putIfAbsent(o.dispatchId(), o);
            }
        } else if (o.state().ordinal() > DispatchState.ACCEPTED.ordinal() && !accepted.isEmpty()) {
            accepted.remove(o.dispatchId()); // a receipt (or its absence) settled it
        }
    }

    /** After the replay, each planned batch read again: keeps the targets of its dispatches still ACCEPTED. */
    void onPlanned(DispatchesPlanned d) {
        List<Target> list = d.targets();
        for (int i = 0; i < list.size(); i++) {
            long id = d.firstId() + i;
            if (ledger.stateOf(id) == DispatchState.ACCEPTED) {
                targets.put(id, list.get(i));
            }
        }
    }

    /** Sorts what was gathered by connector (in acceptance order) and lets go of the rest. */
    void finish() {
        for (DispatchOutcome o : accepted.values()) {
            Target target = targets.get(o.dispatchId());
            if (target == null || ledger.stateOf(o.dispatchId()) != DispatchState.ACCEPTED) {
                continue;
            }
            DispatchBatch batch = ledger.batchOf(o.dispatchId());
            String connector = batch == null ? null : route.apply(batch.connector(), target);
            if (connector == null) {
                continue;
            }
            byConnector.computeIfAbsent(connector, c -> new ArrayList<>())
                    .add(new AwaitingReceipt(o.dispatchId(), target, o.peerRef(), Instant.ofEpochMilli(o.at())));
            count++;
        }
        accepted.clear();
        targets.clear();
    }

    /** The dispatches of this connector awaiting an outcome, in acceptance order (never null). */
    List<AwaitingReceipt> of(String connector) {
        return byConnector.getOrDefault(connector, List.of());
    }

    long count() { return count; }
}
