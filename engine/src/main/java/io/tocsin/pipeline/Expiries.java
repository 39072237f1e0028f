package io.tocsin.pipeline;

import io.tocsin.ledger.AlertEntry;
import java.time.Instant;
import java.util.BitSet;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Alerts ordered by {@code expires}, so the pipeline closes each one on time. Watching is O(log n): a bit per
 * alert number beside the heap answers "already watched" (the heap's own {@code contains} is a scan, which made
 * every accepted alert cost O(alerts) once tens of thousands were waiting to expire). Bits, not a set of
 * entries: every alert waiting to expire is watched, so the set lived in the old generation, and each insert of
 * a new alert dirtied a random card there that the next young collection had to scan. Pipeline thread only.
 */
final class Expiries {
    private final PriorityQueue<AlertEntry> queue = new PriorityQueue<>(Comparator.comparing(AlertEntry::expires));
    private final BitSet watched = new BitSet();

    void watch(AlertEntry e) {
        if (e.expires() == null || watched.get(bit(e))) {
            return;
        }
        watched.set(bit(e));
        queue.add(e);
    }

    private static int bit(AlertEntry e) {
        return Math.toIntExact(e.number());
    }

    int size() {
        return queue.size();
    }

    /** The next alert whose expiry has come, removed from the watch, or null. */
    AlertEntry due(Instant now) {
        AlertEntry head = queue.peek();
        if (head != null && !now.isBefore(head.expires())) {
            AlertEntry due = queue.poll();
            watched.clear(bit(due));
            return due;
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
