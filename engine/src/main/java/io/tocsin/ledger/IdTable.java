package io.tocsin.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values by engine alert id, for the ledger's per-alert indexes. An id in the engine's own form
 * ({@code tx-000042}, see {@link Ledger#alertId}) is kept at its number in chunked arrays; any other id in a map.
 *
 * <p>Why not a hash map: every alert is kept for good, so these tables live in the old generation, and each
 * insert stores a reference to a young object in them. A hash table spreads consecutive alerts over random
 * slots, and each slot written dirties its own card, which the next young collection must scan: at 1,000
 * alerts/s the ledger's three hash tables cost ~8 ms of every pause. Here consecutive alerts share slots'
 * cards, and growing never rehashes (it adds a chunk).
 *
 * <p>Thread-safety: one writer; any thread may read while it writes (slots are written with release and read
 * with acquire semantics).
 */
final class IdTable<V> {
    private static final int CHUNK_BITS = 10;
    private static final int CHUNK = 1 << CHUNK_BITS;
    /**
     * Digits of the largest number kept in the arrays; longer numbers go to the map. Nine digits bound the chunk
     * index table at ~1M slots (4 MB) whatever id arrives first.
     */
    private static final int MAX_DIGITS = 9;
    private static final VarHandle CHUNKS = MethodHandles.arrayElementVarHandle(Object[][].class);
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

    private volatile Object[][] chunks = new Object[16][];
    private final Map<String, V> other = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    V get(String id) {
        long n = number(id);
        if (n < 0) {
            return other.get(id);
        }
        Object[][] cs = chunks;
        int c = (int) (n >>> CHUNK_BITS);
        Object[] chunk = c < cs.length ? (Object[]) CHUNKS.getAcquire(cs, c) : null;
        return chunk == null ? null : (V) SLOTS.getAcquire(chunk, (int) (n & (CHUNK - 1)));
    }

    /** Writer only. The previous value, or null. */
    @SuppressWarnings("unchecked")
    V put(String id, V value) {
        long n = number(id);
        if (n < 0) {
            return other.put(id, value);
        }
        int c = (int) (n >>> CHUNK_BITS);
        Object[][] cs = chunks;
        if (c >= cs.length) {
            cs = Arrays.copyOf(cs, Math.max(c + 1, cs.length * 2));
            chunks = cs;
        }
        Object[] chunk = (Object[]) CHUNKS.getAcquire(cs, c);
        if (chunk == null) {
            chunk = new Object[CHUNK];
            CHUNKS.setRelease(cs, c, chunk);
        }
        int i = (int) (n & (CHUNK - 1));
        V previous = (V) SLOTS.getAcquire(chunk, i);
        SLOTS.setRelease(chunk, i, value);
        return previous;
    }

    /**
     * The number of an id in exactly the form {@link Ledger#alertId} gives ({@code tx-} and six to nine digits, no
     * leading zero beyond six), else -1: {@code tx-42} and {@code tx-0000042} are other ids than {@code tx-000042}.
     */
    static long number(String id) {
        int digits = id.length() - 3;
        if (digits < 6 || digits > MAX_DIGITS || !id.startsWith("tx-") || (digits > 6 && id.charAt(3) == '0')) {
            return -1;
        }
        long n = 0;
        for (int i = 3; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }
}
