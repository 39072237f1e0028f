package io.tocsin.audio;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the audio part of a radio or TV connector's settings, shared by both:
 *
 * <pre>
 * "same":  {"station": "GZMB/TOC", "originator": null, "testEventCode": "RWT", "defaultPurgeMinutes": 60,
 *           "eventCodes": {"山泥倾泻": "FFW"}, "locationCodes": {"440106": "044106"}, "defaultLocations": []},
 * "audio": {"sampleRate": 22050, "attentionSeconds": 8, "voices": {"zh": "cmn"}, "languages": ["zh", "en"]},
 * "tts":   {"enabled": true, "command": "espeak-ng", "timeoutSeconds": 30}
 * </pre>
 *
 * Stateless; every method validates and throws IllegalArgumentException naming the bad setting.
 */
public final class AudioConfig {

    private AudioConfig() {
    }

    public static AlertAudio alertAudio(JsonNode settings, Clock clock) {
        return new AlertAudio(new SameHeaderBuilder(same(settings.path("same")), clock), audio(settings.path("audio")),
                tts(settings.path("tts")));
    }

    public static SameSettings same(JsonNode s) {
        if (!s.hasNonNull("station")) {
            throw new IllegalArgumentException("same.station is required (8 characters, e.g. GZMB/TOC)");
        }
        return new SameSettings(s.get("station").asText(), text(s, "originator"), map(s.path("eventCodes")),
                text(s, "testEventCode"), map(s.path("locationCodes")), list(s.path("defaultLocations")),
                Duration.ofMinutes(s.path("defaultPurgeMinutes").asLong(60)));
    }

    public static AudioSettings audio(JsonNode s) {
        return new AudioSettings(s.path("sampleRate").asInt(22_050), s.path("attentionSeconds").asDouble(8),
                map(s.path("voices")), list(s.path("languages")));
    }

    public static SpeechSynthesizer tts(JsonNode s) {
        if (!s.path("enabled").asBoolean(true)) {
            return SpeechSynthesizer.none("text-to-speech disabled in settings (tts.enabled=false)");
        }
        long timeout = s.path("timeoutSeconds").asLong(30);
        if (timeout <= 0) {
            throw new IllegalArgumentException("tts.timeoutSeconds must be positive");
        }
        return new EspeakSynthesizer(s.path("command").asText("espeak-ng"), Duration.ofSeconds(timeout));
    }

    private static String text(JsonNode s, String field) {
        return s.hasNonNull(field) ? s.get(field).asText() : null;
    }

    static Map<String, String> map(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static List<String> list(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }
}
