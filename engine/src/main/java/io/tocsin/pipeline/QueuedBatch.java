package io.tocsin.pipeline;

import io.tocsin.connector.Dispatch;
import io.tocsin.connector.Target;
import io.tocsin.ledger.DispatchBatch;
import java.util.List;

/**
 * A run of consecutive dispatch ids waiting in one connector's queue; {@link Dispatch} objects are made only
 * when offered. Pipeline thread only.
 */
final class QueuedBatch {
    final DispatchBatch meta;
    final List<Target> targets;
    final long firstId;
    final int priorityClass;
    int cursor;

    QueuedBatch(DispatchBatch meta, List<Target> targets, long firstId) {
        this.meta = meta;
        this.targets = targets;
        this.firstId = firstId;
        this.priorityClass = meta.priorityClass();
    }

    int remaining() { return targets.size() - cursor; }

    long nextId() { return firstId + cursor; }

    Dispatch dispatch(int offset) {
        int i = cursor + offset;
        return new Dispatch(firstId + i, meta.alertId(), meta.action(), meta.content(), targets.get(i),
                meta.expires(), meta.sequence(), meta.replaces());
    }
}
