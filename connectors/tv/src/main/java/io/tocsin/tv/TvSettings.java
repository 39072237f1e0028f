package io.tocsin.tv;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TV connector's own settings (the audio part — {@code same}, {@code audio}, {@code tts} — is read by
 * {@link io.tocsin.audio.AudioConfig}):
 *
 * <pre>
 * "stations": {
 *   "gztv-news": {"host": "127.0.0.1", "port": 5250, "channel": 1, "cgLayer": 20, "audioLayer": 10,
 *                 "template": "tocsin/crawl", "languages": ["zh", "en"], "crawlBudget": 200,
 *                 "mediaDir": "/var/casparcg/media", "testOutput": false}
 * }
 * </pre>
 *
 * Immutable.
 */
public record TvSettings(Map<String, Station> stations) {

    public TvSettings {
        stations = Map.copyOf(stations);
    }

    public static TvSettings parse(JsonNode s) {
        Map<String, Station> out = new LinkedHashMap<>();
        s.path("stations").fields().forEachRemaining(e -> out.put(e.getKey(), station(e.getKey(), e.getValue())));
        if (out.isEmpty()) {
            throw new IllegalArgumentException("stations: at least one station is required");
        }
        return new TvSettings(out);
    }

    private static Station station(String id, JsonNode n) {
        List<String> langs = new ArrayList<>();
        n.path("languages").forEach(l -> langs.add(l.asText()));
        if (langs.isEmpty()) {
            langs.add("zh");
        }
        return new Station(id, n.path("host").asText("127.0.0.1"), n.path("port").asInt(5250), n.path("channel").asInt(1),
                n.path("cgLayer").asInt(20), n.path("audioLayer").asInt(10), n.path("template").asText("tocsin/crawl"),
                langs, n.path("crawlBudget").asInt(200), n.hasNonNull("mediaDir") ? Path.of(n.get("mediaDir").asText()) : null,
                n.path("testOutput").asBoolean(false));
    }
}
