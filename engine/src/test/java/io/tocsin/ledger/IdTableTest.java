package io.tocsin.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Behaves as one map keyed by the id's text, whether the id is in the engine's own form or not. */
class IdTableTest {

    @Test
    void answersAsAHashMapFedTheSamePutsWould() {
        IdTable<Integer> table = new IdTable<>();
        Map<String, Integer> reference = new HashMap<>();
        Random random = new Random(7);
        List<String> odd = List.of("tx-42", "tx-0000042", "tx-00000a", "alert-1", "tx-", "TX-000042",
                "tx-1234567890123", "tx-0000001");
        for (int i = 0; i < 200_000; i++) {
            String key = random.nextInt(10) == 0 ? odd.get(random.nextInt(odd.size()))
                    : Ledger.alertId(1 + random.nextInt(3_000_000));
            assertThat(table.put(key, i)).as(key).isEqualTo(reference.put(key, i));
        }
        reference.forEach((k, v) -> assertThat(table.get(k)).as(k).isEqualTo(v));
        assertThat(table.get("tx-000000")).isNull();
        assertThat(table.get(Ledger.alertId(999_999_999))).isNull();
        assertThat(table.put(Ledger.alertId(5_000_000_000L), -1)).isNull();
        assertThat(table.get(Ledger.alertId(5_000_000_000L))).as("a ten-digit id, kept in the map").isEqualTo(-1);
        assertThat(table.get("tx-42")).isNotEqualTo(table.get("tx-000042"));
    }

    @Test
    void onlyTheEngineFormHasANumber() {
        assertThat(IdTable.number("tx-000042")).isEqualTo(42);
        assertThat(IdTable.number("tx-1000000")).isEqualTo(1_000_000);
        assertThat(IdTable.number(Ledger.alertId(999_999_999))).isEqualTo(999_999_999);
        for (String other : List.of("tx-42", "tx-0000042", "tx-01000000", "tx-00004x", "tx-+00042", "xx-000042",
                Ledger.alertId(1_000_000_000), "tx-1234567890123", "")) {
            assertThat(IdTable.number(other)).as(other).isEqualTo(-1);
        }
    }

    @Test
    void aReaderOnAnotherThreadSeesEveryValueOnceItsPutReturned() throws Exception {
        IdTable<String> table = new IdTable<>();
        int n = 300_000;
        AtomicReference<String> wrong = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        Thread reader = new Thread(() -> {
            long seen = 0;
            while (seen < n && wrong.get() == null) {
                long upTo = written.get();
                for (long i = Math.max(1, upTo - 64); i <= upTo; i++) {
                    String id = Ledger.alertId(i);
                    String v = table.get(id);
                    if (!id.equals(v)) {
                        wrong.set(id + " read as " + v);
                    }
                }
                seen = upTo;
            }
        });
        reader.start();
        for (long i = 1; i <= n; i++) {
            String id = Ledger.alertId(i);
            table.put(id, id);
            written.set(i);
        }
        reader.join();
        assertThat(wrong.get()).isNull();
    }
}
