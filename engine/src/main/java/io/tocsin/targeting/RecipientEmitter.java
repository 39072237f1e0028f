package io.tocsin.targeting;

import io.tocsin.targeting.directory.AreaMatcher;
import io.tocsin.targeting.directory.SubscriberDirectory;
import io.tocsin.targeting.directory.SubscriberGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects matches from {@link AreaMatcher} into {@link Recipient} batches for a sink, once per subscriber
 * across several shapes (a bitset of who was seen), keeping only the audience's groups, and counting per
 * carrier and — for every subscriber in the area, whatever the audience — per home region. One per
 * resolution; not thread-safe.
 */
final class RecipientEmitter implements AreaMatcher.Visitor {
    private final SubscriberDirectory d;
    private final RecipientSink sink;
    private final int batchSize;
    private final int groupMask;
    private final long[] seen;
    private final long[] perCarrier;
    private final long[] perRegion;
    private List<Recipient> batch;
    private long emitted;

    RecipientEmitter(SubscriberDirectory d, Audience audience, RecipientSink sink, int batchSize, boolean dedupe) {
        this.d = d;
        this.sink = sink;
        this.batchSize = batchSize;
        this.groupMask = audience == Audience.PUBLIC ? -1 : SubscriberGroup.DRILL_MASK;
        this.seen = dedupe ? new long[(d.size() + 63) >>> 6] : null;
        this.perCarrier = new long[d.carriers().size()];
        this.perRegion = new long[256];
        this.batch = new ArrayList<>(batchSize);
    }

    @Override
    public void range(int from, int to) {
        for (int i = from; i < to; i++) {
            one(i);
        }
    }

    @Override
    public void one(int i) {
        if (seen != null) {
            long bit = 1L << i;
            if ((seen[i >>> 6] & bit) != 0) {
                return;
            }
            seen[i >>> 6] |= bit;
        }
        perRegion[d.regionIndex(i)]++;
        if (groupMask != -1 && (d.groups(i) & groupMask) == 0) {
            return;
        }
        perCarrier[d.carrierIndex(i)]++;
        emitted++;
        batch.add(new Recipient(d.msisdn(i), d.carrier(i), d.language(i), d.regionCode(i)));
        if (batch.size() == batchSize) {
            flush();
        }
    }

    void flush() {
        if (!batch.isEmpty()) {
            sink.accept(batch);
            batch = new ArrayList<>(batchSize);
        }
    }

    long emitted() {
        return emitted;
    }

    long[] perCarrier() {
        return perCarrier;
    }

    /** Subscribers in the area per region byte (index 255 = no region), regardless of audience. */
    long[] perRegion() {
        return perRegion;
    }
}
