package io.tocsin.pipeline;

import io.tocsin.ledger.AlertEntry;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Alerts waiting in PENDING_APPROVAL, ordered by the end of their approval window, so the pipeline expires
 * each one unsent when nobody approved it in time. Pipeline thread only.
 */
final class ApprovalDeadlines {
    private record Deadline(Instant at, AlertEntry entry) {
    }

    private final PriorityQueue<Deadline> queue = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));

    void watch(AlertEntry e, Instant deadline) {
        queue.add(new Deadline(deadline, e));
    }

    /** The next alert whose approval window has ended, removed from the watch, or null. */
    AlertEntry due(Instant now) {
        Deadline head = queue.peek();
        if (head != null && !now.isBefore(head.at())) {
            return queue.poll().entry();
        }
        return null;
    }

    long nanosUntilNext(Instant now) {
        Deadline head = queue.peek();
        if (head == null) {
            return Long.MAX_VALUE;
        }
        long millis = head.at().toEpochMilli() - now.toEpochMilli();
        return millis <= 0 ? 0 : millis * 1_000_000L;
    }
}
