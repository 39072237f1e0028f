package io.tocsin.ledger;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Which ledger entry has a CAP identity (sender, identifier, sent): open-addressing tables of ints that hold
 * each entry's place in acceptance order, compared against the entry's own header fields.
 *
 * <p>Why ints: the table lives in the old generation for as long as the engine runs, and a reference stored
 * into it for every new alert dirties a random card that each young collection then scans; an int store
 * dirties nothing. It is kept in 64 shards so that growing rehashes 1/64 of the keys at a time, not all at once.
 *
 * <p>Owned by the pipeline thread.
 */
final class KeyIndex {
    private static final int SHARD_BITS = 6;
    private final IntFunction<AlertEntry> entryAt;
    /** Per shard: the full hash of the key in each slot, and the entry's place + 1 (0 = empty). */
    private final int[][] hashes = new int[1 << SHARD_BITS][];
    private final int[][] places = new int[1 << SHARD_BITS][];
    private final int[] sizes = new int[1 << SHARD_BITS];

    /** {@code entryAt}: the entry at a place in acceptance order. */
    KeyIndex(IntFunction<AlertEntry> entryAt) {
        this.entryAt = entryAt;
        for (int s = 0; s < hashes.length; s++) {
            hashes[s] = new int[16];
            places[s] = new int[16];
        }
    }

    /** The entry with this identity, or null. */
    AlertEntry find(String sender, String identifier, String sent) {
        int h = hash(sender, identifier, sent);
        int s = h >>> (32 - SHARD_BITS);
        int place = places[s][slot(s, h, sender, identifier, sent)];
        return place == 0 ? null : entryAt.apply(place - 1);
    }

    /** Records that the entry at {@code place} has this identity (replacing an earlier entry with it). */
    void put(String sender, String identifier, String sent, int place) {
        int h = hash(sender, identifier, sent);
        int s = h >>> (32 - SHARD_BITS);
        int i = slot(s, h, sender, identifier, sent);
        boolean added = places[s][i] == 0;
        hashes[s][i] = h;
        places[s][i] = place + 1;
        if (added && ++sizes[s] * 2 > hashes[s].length) {
            grow(s);
        }
    }

    /** The slot of shard {@code s} that holds this identity, or the empty slot where it would go. */
    private int slot(int s, int h, String sender, String identifier, String sent) {
        int[] hs = hashes[s];
        int[] ps = places[s];
        int mask = hs.length - 1;
        int i = h & mask;
        while (ps[i] != 0) {
            if (hs[i] == h) {
                AlertEntry e = entryAt.apply(ps[i] - 1);
                if (Objects.equals(e.sender, sender) && Objects.equals(e.identifier, identifier)
                        && Objects.equals(e.sent, sent)) {
                    return i;
                }
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    int size() {
        int n = 0;
        for (int size : sizes) {
            n += size;
        }
        return n;
    }

    private void grow(int s) {
        int[] oldHashes = hashes[s];
        int[] oldPlaces = places[s];
        int[] hs = new int[oldHashes.length * 2];
        int[] ps = new int[hs.length];
        int mask = hs.length - 1;
        for (int j = 0; j < oldPlaces.length; j++) {
            if (oldPlaces[j] != 0) {
                int i = oldHashes[j] & mask;
                while (ps[i] != 0) {
                    i = (i + 1) & mask;
                }
                hs[i] = oldHashes[j];
                ps[i] = oldPlaces[j];
            }
        }
        hashes[s] = hs;
        places[s] = ps;
    }

    /** Mixed so that both the top bits (the shard) and the low bits (the slot) spread. */
    static int hash(String sender, String identifier, String sent) {
        int h = (31 * (31 * Objects.hashCode(sender) + Objects.hashCode(identifier)) + Objects.hashCode(sent));
        h *= 0x9E3779B9;
        return h ^ (h >>> 15);
    }
}
