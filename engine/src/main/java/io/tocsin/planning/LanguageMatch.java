package io.tocsin.planning;

import java.util.List;
import java.util.Locale;

/**
 * Picks which of an alert's info languages a recipient gets: the same tag, else the same primary language
 * ({@code zh-CN} for {@code zh}), else the alert's first info. Stateless.
 */
public final class LanguageMatch {
    private LanguageMatch() {
    }

    public static String choose(String wanted, List<String> available) {
        if (available.isEmpty()) {
            return wanted;
        }
        if (wanted != null && !wanted.isBlank()) {
            String w = wanted.toLowerCase(Locale.ROOT);
            for (String a : available) {
                if (a.toLowerCase(Locale.ROOT).equals(w)) {
                    return a;
                }
            }
            String primary = primary(w);
            for (String a : available) {
                if (primary(a.toLowerCase(Locale.ROOT)).equals(primary)) {
                    return a;
                }
            }
        }
        return available.get(0);
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }
}
