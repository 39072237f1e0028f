package io.tocsin.ledger;

import java.util.Arrays;

/**
 * Counts of events by latency since an alert's acceptance, in 10 ms buckets, growing on demand up to one hour
 * (later events land in the last bucket). Compact: an alert whose receipts all came within 2 s holds 200
 * longs. Block sums (of {@value #BLOCK} buckets each) keep {@link #millisToReach} cheap however long the alert
 * runs: the ledger asks it on every publish, hundreds of times a second during a large fan-out.
 * Thread-safety: none; owned by the pipeline thread.
 */
final class LatencyHistogram {
    static final long BUCKET_MILLIS = 10;
    static final int MAX_BUCKETS = 360_000;
    static final int BLOCK = 256;

    private long[] counts = new long[16];
    private long[] blocks = new long[1];
    private int used;
    private long total;

    void add(long latencyMillis) {
        int bucket = (int) Math.min(MAX_BUCKETS - 1, Math.max(0, latencyMillis) / BUCKET_MILLIS);
        if (bucket >= counts.length) {
            counts = Arrays.copyOf(counts, Math.min(MAX_BUCKETS, Math.max(bucket + 1, counts.length * 2)));
        }
        counts[bucket]++;
        int block = bucket / BLOCK;
        if (block >= blocks.length) {
            blocks = Arrays.copyOf(blocks, Math.max(block + 1, blocks.length * 2));
        }
        blocks[block]++;
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
        int block = 0;
        while (seen + blocks[block] < count) {
            seen += blocks[block++];
        }
        for (int i = block * BLOCK; i < used; i++) {
            seen += counts[i];
            if (seen >= count) {
                return i * BUCKET_MILLIS;
            }
        }
        return -1;
    }
}
