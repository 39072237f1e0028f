package io.tocsin.ledger;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * An alert's timeline as one immutable array: adding an entry gives a new timeline that shares the entries. The
 * ledger's record and every published view of the alert hold the same instance, so a settled alert keeps one
 * small array for its timeline instead of a growable list plus a copy in its view.
 */
final class Timeline extends AbstractList<TimelineEntry> implements RandomAccess {
    static final Timeline EMPTY = new Timeline(new TimelineEntry[0]);

    private final TimelineEntry[] entries;

    private Timeline(TimelineEntry[] entries) {
        this.entries = entries;
    }

    Timeline plus(TimelineEntry entry) {
        TimelineEntry[] more = Arrays.copyOf(entries, entries.length + 1);
        more[entries.length] = entry;
        return new Timeline(more);
    }

    TimelineEntry last() {
        return entries[entries.length - 1];
    }

    @Override
    public TimelineEntry get(int index) {
        return entries[index];
    }

    @Override
    public int size() {
        return entries.length;
    }
}
