package io.tocsin.pipeline;

import io.tocsin.ledger.AlertEntry;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/** Alerts ordered by {@code expires}, so the pipeline closes each one on time. Pipeline thread only. */
final class Expiries {
    private final PriorityQueue<AlertEntry> queue = new PriorityQueue<>(Comparator.comparing(AlertEntry::expires));

    void watch(AlertEntry e) {
        if (e.expires() != null && !queue.contains(e)) {
            queue.add(e);
        }
    }

    /** The next alert whose expiry has come, removed from the watch, or null. */
    AlertEntry due(Instant now) {
        AlertEntry head = queue.peek();
        if (head != null && !now.isBefore(head.expires())) {
            return queue.poll();
        }
        return null;
    }

    long nanosUntilNext(Instant now) {
        AlertEntry head = queue.peek();
        if (head == null) {
            return Long.MAX_VALUE;
        }
        long millis = head.expires().toEpochMilli() - now.toEpochMilli();
        return millis <= 0 ? 0 : millis * 1_000_000L;
    }
}
