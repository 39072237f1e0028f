package io.tocsin.ledger;

import java.util.HashMap;
import java.util.Map;

/**
 * One copy of texts that repeat from alert to alert (sender, event, headline, publisher, timeline details), so
 * the ledger keeps a reference where it would keep a copy per alert. Every alert's record lives as long as the
 * engine, and each copy it keeps is copied again by every young collection that promotes it.
 *
 * <p>Bounded: once it holds {@link #LIMIT} texts it forgets them all and starts again, so unique texts cost a
 * little work and never memory. Pipeline thread only.
 */
final class SharedTexts {
    static final int LIMIT = 4_096;
    private final Map<String, String> texts = new HashMap<>();

    String share(String text) {
        if (text == null) {
            return null;
        }
        String known = texts.putIfAbsent(text, text);
        if (known != null) {
            return known;
        }
        if (texts.size() > LIMIT) {
            texts.clear();
        }
        return text;
    }

    int size() {
        return texts.size();
    }
}
