package io.tocsin.tv;

import io.tocsin.audio.StatusMarker;
import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.WarningColour;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the crawl: for each of the station's languages, the headline and the instruction of that language's
 * info block, led by 【演习】/[EXERCISE] for an exercise; languages joined by {@value #SEPARATOR}. The text is
 * never shortened: a crawl over budget is reported as not fitting. Stateless and thread-safe.
 */
public final class Crawl {

    static final String SEPARATOR = "  ◆  ";

    private Crawl() {
    }

    public static CrawlText of(Alert alert, Station station) {
        List<String> parts = new ArrayList<>();
        List<String> langs = new ArrayList<>();
        List<AlertInfo> used = new ArrayList<>();
        for (String want : station.languages()) {
            String w = want.toLowerCase(Locale.ROOT);
            for (AlertInfo info : alert.infos()) {
                if (!used.contains(info) && info.languageOrDefault().toLowerCase(Locale.ROOT).startsWith(w)) {
                    used.add(info);
                    break;
                }
            }
        }
        if (used.isEmpty() && !alert.infos().isEmpty()) {
            used.add(alert.infos().get(0));
        }
        for (AlertInfo info : used) {
            parts.add(segment(alert, info));
            langs.add(info.languageOrDefault());
        }
        String text = String.join(SEPARATOR, parts);
        WarningColour colour = used.isEmpty() ? null : WarningColour.ofSeverity(used.get(0).severityValue());
        return new CrawlText(text, text.codePointCount(0, text.length()), station.crawlBudget(), langs,
                colour == null ? "none" : colour.name().toLowerCase(Locale.ROOT));
    }

    private static String segment(Alert alert, AlertInfo info) {
        String lang = info.languageOrDefault().toLowerCase(Locale.ROOT);
        boolean chinese = lang.startsWith("zh") || lang.startsWith("yue");
        StringBuilder sb = new StringBuilder();
        String marker = StatusMarker.word(alert.statusValue(), lang);
        if (marker != null) {
            sb.append(chinese ? "【" + marker + "】" : "[" + marker + "] ");
        }
        String headline = info.headline() != null && !info.headline().isBlank() ? info.headline().trim()
                : (info.event() == null ? "" : info.event().trim());
        sb.append(headline);
        if (info.instruction() != null && !info.instruction().isBlank()) {
            sb.append(chinese ? "：" : ": ").append(info.instruction().trim());
        }
        return sb.toString();
    }
}
