package io.tocsin.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded ring of the ids of changed alert views, so that readers polling the ledger (the console's event
 * hub) cost O(changed alerts) rather than O(all alerts). One writer (the pipeline thread, through
 * {@link PublishedLedger#publish}); any number of readers, lock-free: a reader that the writer lapped gets an
 * incomplete answer and rescans.
 */
final class ChangeLog {
    private final String[] ids;
    private final int mask;
    private volatile long head;

    ChangeLog(int capacityPowerOfTwo) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacityPowerOfTwo);
        }
        this.ids = new String[capacityPowerOfTwo];
        this.mask = capacityPowerOfTwo - 1;
    }

    /** Writer only. The volatile write of {@code head} publishes the slot. */
    void add(String id) {
        long h = head;
        ids[(int) (h & mask)] = id;
        head = h + 1;
    }

    LedgerChanges since(long cursor) {
        long h = head;
        if (cursor > h || h - cursor >= ids.length) {
            return new LedgerChanges(h, List.of(), false);
        }
        List<String> out = new ArrayList<>((int) (h - cursor));
        for (long i = cursor; i < h; i++) {
            out.add(ids[(int) (i & mask)]);
        }
        // The writer may have lapped us while we read (it fills a slot before publishing it): then some slots
        // hold newer ids than we think, so anything but a strict margin means "rescan".
        boolean intact = head - cursor < ids.length;
        return new LedgerChanges(h, intact ? out : List.of(), intact);
    }
}
