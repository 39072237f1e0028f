package io.tocsin.journal;

import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.Target;
import java.util.List;

/**
 * A batch of dispatches for one connector: ids {@code firstId .. firstId + targets.size() - 1}, one per target.
 *
 * @param recipientsConsumed for SMS batches, how many recipients of the alert's resolution stream had been
 *                           consumed after this batch (the planning cursor; -1 for other channels)
 */
public record DispatchesPlanned(
        long at,
        String alertId,
        String connector,
        DispatchAction action,
        int sequence,
        String replaces,
        long firstId,
        long recipientsConsumed,
        List<Target> targets) implements JournalRecord {

    public DispatchesPlanned {
        targets = List.copyOf(targets);
    }
}
