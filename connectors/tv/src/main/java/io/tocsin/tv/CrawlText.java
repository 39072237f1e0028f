package io.tocsin.tv;

import java.util.List;

/**
 * The crawl of one alert on one station: its full text (never cut), its length in characters against the
 * station's budget, the languages it holds and the warning colour for the template. Immutable.
 */
public record CrawlText(String text, int units, int budget, List<String> languages, String colour) {

    public CrawlText {
        languages = List.copyOf(languages);
    }

    public boolean fits() {
        return units <= budget;
    }
}
