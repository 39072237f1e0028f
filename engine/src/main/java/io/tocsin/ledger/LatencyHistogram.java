package io.tocsin.ledger;

import java.util.Arrays;

/**
 * Counts of events by latency since an alert's acceptance, in 10 ms buckets, growing on demand up to one hour
 * (later events land in the last bucket). Compact: an alert whose receipts all came within 2 s holds 200
 * longs. Thread-safety: none; owned by the pipeline thread.
 */
final class LatencyHistogram {
    static final long BUCKET_MILLIS = 10;
    static final int MAX_BUCKETS = 360_000;

    private long[] counts = new long[16];
    private int used;
    private long total;

    void add(long latencyMillis) {
        int bucket = (int) Math.min(MAX_BUCKETS - 1, Math.max(0, latencyMillis) / BUCKET_MILLIS);
        if (bucket >= counts.length) {
            counts = Arrays.copyOf(counts, Math.min(MAX_BUCKETS, Math.max(bucket + 1, counts.length * 2)));
        }
        counts[bucket]++;
        used = Math.max(used, bucket + 1);
        total++;
    }

    long total() { return total; }

    /**
     * The latency (start of its 10 ms bucket, in ms) by which at least {@code count} events had happened, or -1
     * when fewer than {@code count} have happened so far.
     */
    long millisToReach(long count) {
        if (count <= 0) {
            return 0;
        }
        if (count > total) {
            return -1;
        }
        long seen = 0;
        for (int i = 0; i < used; i++) {
            seen += counts[i];
            if (seen >= count) {
                return i * BUCKET_MILLIS;
            }
        }
        return -1;
    }
}
