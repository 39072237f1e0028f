package io.tocsin.ledger;

import io.tocsin.connector.DispatchState;
import java.util.Arrays;

/**
 * The state of every dispatch, one byte each in chunks indexed by dispatch id, plus the batches that say which
 * alert and connector each id belongs to (ids are allocated in increasing order, so a binary search finds the
 * batch). Owned by the pipeline thread.
 */
final class DispatchTable {
    private static final int CHUNK_BITS = 20;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final DispatchState[] STATES = DispatchState.values();

    private byte[][] chunks = new byte[4][];
    private long[] batchFirst = new long[1024];
    private DispatchBatch[] batches = new DispatchBatch[1024];
    private int batchCount;
    private long nextId = 1;

    long nextId() { return nextId; }

    void add(DispatchBatch batch) {
        if (batchCount == batches.length) {
            batches = Arrays.copyOf(batches, batchCount * 2);
            batchFirst = Arrays.copyOf(batchFirst, batchCount * 2);
        }
        batches[batchCount] = batch;
        batchFirst[batchCount++] = batch.firstId;
        nextId = Math.max(nextId, batch.firstId + batch.count);
        for (long id = batch.firstId; id < batch.firstId + batch.count; id++) {
            set(id, DispatchState.PLANNED);
        }
    }

    DispatchBatch batchOf(long id) {
        int lo = 0;
        int hi = batchCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (batchFirst[mid] <= id) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (hi < 0) {
            return null;
        }
        DispatchBatch b = batches[hi];
        return id < b.firstId + b.count ? b : null;
    }

    DispatchState state(long id) {
        int c = (int) (id >>> CHUNK_BITS);
        if (c >= chunks.length || chunks[c] == null) {
            return null;
        }
        return STATES[chunks[c][(int) (id & (CHUNK - 1))]];
    }

    /** Moves every id of the range that is in {@code from} to {@code to}; returns how many moved. */
    long replaceAll(long firstId, int count, DispatchState from, DispatchState to) {
        byte f = (byte) from.ordinal();
        byte t = (byte) to.ordinal();
        long moved = 0;
        for (long id = firstId; id < firstId + count; id++) {
            byte[] chunk = chunks[(int) (id >>> CHUNK_BITS)];
            int i = (int) (id & (CHUNK - 1));
            if (chunk[i] == f) {
                chunk[i] = t;
                moved++;
            }
        }
        return moved;
    }

    void set(long id, DispatchState state) {
        int c = (int) (id >>> CHUNK_BITS);
        if (c >= chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
        }
        if (chunks[c] == null) {
            chunks[c] = new byte[CHUNK];
        }
        chunks[c][(int) (id & (CHUNK - 1))] = (byte) state.ordinal();
    }
}
