package io.tocsin.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Alert;
import io.tocsin.cap.CapVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Finds each entry by its CAP identity, as a map keyed by (sender, identifier, sent) would. */
class KeyIndexTest {

    @Test
    void findsWhatAMapKeyedByTheTripleWouldFind() {
        List<AlertEntry> accepted = new ArrayList<>();
        KeyIndex index = new KeyIndex(accepted::get);
        Map<List<String>, AlertEntry> reference = new HashMap<>();
        Random random = new Random(11);
        SharedTexts texts = new SharedTexts();
        for (int i = 0; i < 60_000; i++) {
            // few senders and sent times, so the same identifier recurs under other senders and times
            String sender = "sender" + random.nextInt(5) + "@example.org";
            String identifier = "id-" + random.nextInt(20_000);
            String sent = "2026-11-30T0" + random.nextInt(3) + ":00:00+08:00";
            List<String> key = List.of(sender, identifier, sent);
            AlertEntry e = entry(Ledger.alertId(i + 1), sender, identifier, sent, texts);
            int place = accepted.size();
            accepted.add(e);
            index.put(sender, identifier, sent, place);
            reference.put(key, e);
        }
        assertThat(index.size()).isEqualTo(reference.size());
        reference.forEach((k, e) -> assertThat(index.find(k.get(0), k.get(1), k.get(2))).as(k.toString()).isSameAs(e));
        assertThat(index.find("sender0@example.org", "id-20001", "2026-11-30T00:00:00+08:00")).isNull();
        assertThat(index.find(null, null, null)).isNull();
    }

    @Test
    void aMissingFieldIsPartOfTheIdentity() {
        List<AlertEntry> accepted = new ArrayList<>();
        KeyIndex index = new KeyIndex(accepted::get);
        SharedTexts texts = new SharedTexts();
        accepted.add(entry("tx-000001", "s", "i", null, texts));
        index.put("s", "i", null, 0);
        assertThat(index.find("s", "i", null)).isSameAs(accepted.get(0));
        assertThat(index.find("s", "i", "")).isNull();
    }

    private static AlertEntry entry(String id, String sender, String identifier, String sent, SharedTexts texts) {
        Alert alert = new Alert(CapVersion.V1_2, identifier, sender, sent, "Actual", "Alert", null, "Public", null,
                null, List.of(), null, null, null, List.of());
        return new AlertEntry(id, 1, alert, -1, null, "pub", Instant.EPOCH, texts);
    }
}
