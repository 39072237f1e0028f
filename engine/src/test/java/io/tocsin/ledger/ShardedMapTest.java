package io.tocsin.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Behaves as one map: the same answers as a HashMap fed the same puts, and the keys spread over every shard. */
class ShardedMapTest {

    @Test
    void answersAsOneHashMapFedTheSamePutsWould() {
        for (ShardedMap<String, Integer> sharded : java.util.List.of(ShardedMap.<String, Integer>plain(),
                ShardedMap.<String, Integer>concurrent())) {
            Map<String, Integer> reference = new HashMap<>();
            Random random = new Random(7);
            for (int i = 0; i < 50_000; i++) {
                String key = "tx-" + random.nextInt(30_000);
                assertThat(sharded.put(key, i)).isEqualTo(reference.put(key, i));
            }
            assertThat(sharded.size()).isEqualTo(reference.size());
            reference.forEach((k, v) -> assertThat(sharded.get(k)).isEqualTo(v));
            assertThat(sharded.get("tx-absent")).isNull();
        }
    }

    @Test
    void sequentialAlertIdsSpreadOverAllShardsEvenly() throws Exception {
        ShardedMap<String, String> sharded = ShardedMap.plain();
        int n = 64_000;
        for (int i = 1; i <= n; i++) {
            String id = Ledger.alertId(i);
            sharded.put(id, id);
        }
        java.lang.reflect.Field f = ShardedMap.class.getDeclaredField("shards");
        f.setAccessible(true);
        Map<?, ?>[] shards = (Map<?, ?>[]) f.get(sharded);
        for (Map<?, ?> s : shards) {
            assertThat(s.size()).as("a shard's share of %d ids", n).isBetween(n / 64 / 2, n / 64 * 2);
        }
    }
}
