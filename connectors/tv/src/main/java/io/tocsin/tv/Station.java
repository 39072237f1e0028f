package io.tocsin.tv;

import java.nio.file.Path;
import java.util.List;

/**
 * A TV station's playout server and where the warning goes on it. Immutable.
 *
 * @param host        AMCP host (CasparCG listens on 5250 by default)
 * @param channel     video channel, e.g. 1
 * @param cgLayer     layer of the crawl template, e.g. 20 ({@code CG 1-20 ...})
 * @param audioLayer  layer that plays the warning audio, e.g. 10 ({@code PLAY 1-10 ...})
 * @param template    the crawl template on the server, e.g. {@code tocsin/crawl}
 * @param languages   info languages shown, in order (prefix match: {@code zh}, {@code en})
 * @param crawlBudget most characters (code points) the crawl may hold
 * @param mediaDir    the server's media folder (shared) where the audio is written; null = crawl only
 * @param testOutput  takes only Exercise and Test alerts (and never an Actual one)
 */
public record Station(String id, String host, int port, int channel, int cgLayer, int audioLayer, String template,
                      List<String> languages, int crawlBudget, Path mediaDir, boolean testOutput) {

    public Station {
        languages = List.copyOf(languages);
        if (host == null || host.isBlank() || port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("stations." + id + ": host and port (1-65535) are required");
        }
        if (channel < 1 || cgLayer < 0 || audioLayer < 0 || cgLayer == audioLayer) {
            throw new IllegalArgumentException("stations." + id + ": channel >= 1 and distinct cgLayer/audioLayer");
        }
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("stations." + id + ".languages: at least one language");
        }
        if (crawlBudget < 1) {
            throw new IllegalArgumentException("stations." + id + ".crawlBudget must be positive");
        }
    }

    String cg() {
        return channel + "-" + cgLayer;
    }

    String audio() {
        return channel + "-" + audioLayer;
    }
}
