package io.tocsin.connector.smpp;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import java.util.Locale;

/**
 * Turns an alert into the SMS text for one language: the info block in the subscriber's language (exact tag,
 * then same primary language, then the configured default — zh-CN —, then the first info), its headline, then
 * its instruction (or, without one, its description). Chinese texts join with a full-width colon.
 *
 * <p>Stateless and thread-safe.
 */
public final class SmsRenderer {

    private final String defaultLanguage;

    public SmsRenderer(String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    /** The info block a subscriber of this language gets; null only for an alert without info blocks. */
    public AlertInfo pick(Alert alert, String language) {
        if (alert.infos().isEmpty()) {
            return null;
        }
        AlertInfo found = language == null ? null : match(alert, language);
        if (found == null) {
            found = match(alert, defaultLanguage);
        }
        return found != null ? found : alert.infos().get(0);
    }

    /** The text for a subscriber of this language (empty for an alert without info blocks). */
    public String text(Alert alert, String language) {
        AlertInfo info = pick(alert, language);
        return info == null ? "" : text(info);
    }

    public static String text(AlertInfo info) {
        String headline = trimmed(info.headline());
        String body = trimmed(info.instruction());
        if (body.isEmpty()) {
            body = trimmed(info.description());
        }
        if (headline.isEmpty()) {
            return body;
        }
        if (body.isEmpty()) {
            return headline;
        }
        return headline + (primary(info.languageOrDefault()).equals("zh") ? "：" : ": ") + body;
    }

    private static AlertInfo match(Alert alert, String language) {
        for (AlertInfo info : alert.infos()) {
            if (info.languageOrDefault().equalsIgnoreCase(language)) {
                return info;
            }
        }
        String primary = primary(language);
        for (AlertInfo info : alert.infos()) {
            if (primary(info.languageOrDefault()).equals(primary)) {
                return info;
            }
        }
        return null;
    }

    static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.strip();
    }
}
