package io.tocsin.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A map kept as 64 smaller maps, chosen by the key's hash, for the ledger's per-alert indexes. They only grow,
 * and a single hash table doubles by rehashing every entry at once: at 393,216 alerts that was one 114 ms stall of
 * the pipeline thread (three tables crossing the same threshold), in the middle of a paced ingest run. Here each
 * doubling rehashes 1/64 of the entries.
 *
 * <p>Thread-safety: that of the shards ({@link #plain()}: one thread; {@link #concurrent()}: any thread may read
 * while one writes).
 */
final class ShardedMap<K, V> {
    private static final int SHARD_BITS = 6;
    private final Map<K, V>[] shards;

    @SuppressWarnings("unchecked")
    private ShardedMap(Supplier<Map<K, V>> shard) {
        shards = new Map[1 << SHARD_BITS];
        for (int i = 0; i < shards.length; i++) {
            shards[i] = shard.get();
        }
    }

    static <K, V> ShardedMap<K, V> plain() {
        return new ShardedMap<>(HashMap::new);
    }

    static <K, V> ShardedMap<K, V> concurrent() {
        return new ShardedMap<>(ConcurrentHashMap::new);
    }

    V get(Object key) {
        return shard(key).get(key);
    }

    /** The previous value, or null. */
    V put(K key, V value) {
        return shard(key).put(key, value);
    }

    int size() {
        int n = 0;
        for (Map<K, V> s : shards) {
            n += s.size();
        }
        return n;
    }

    /** By the hash's top bits: the shards' own tables index by the low bits, which then stay evenly spread. */
    private Map<K, V> shard(Object key) {
        return shards[(key.hashCode() * 0x9E3779B9) >>> (32 - SHARD_BITS)];
    }
}
