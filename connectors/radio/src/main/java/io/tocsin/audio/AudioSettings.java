package io.tocsin.audio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the audio of a message is made. Immutable; validated on construction.
 *
 * @param sampleRate       22,050 or 44,100 Hz
 * @param attentionSeconds length of the 853 + 960 Hz attention signal, 8 to 25 s
 * @param voices           CAP language (lower case, full tag or primary subtag) → espeak-ng voice; merged
 *                         over the defaults zh → cmn, zh-hk/zh-mo/yue → yue, en → en (set zh → yue for a
 *                         Cantonese service)
 * @param languages        the info languages to speak, in order (prefix match, e.g. {@code zh}); empty = every
 *                         info block in the alert's order
 */
public record AudioSettings(int sampleRate, double attentionSeconds, Map<String, String> voices,
                            List<String> languages) {

    public static final double MIN_ATTENTION = 8;
    public static final double MAX_ATTENTION = 25;

    public AudioSettings {
        if (sampleRate != 22_050 && sampleRate != 44_100) {
            throw new IllegalArgumentException("audio.sampleRate must be 22050 or 44100: " + sampleRate);
        }
        if (attentionSeconds < MIN_ATTENTION || attentionSeconds > MAX_ATTENTION) {
            throw new IllegalArgumentException("audio.attentionSeconds must be 8 to 25: " + attentionSeconds);
        }
        Map<String, String> merged = new LinkedHashMap<>();
        merged.put("zh", "cmn");
        merged.put("zh-cn", "cmn");
        merged.put("zh-hk", "yue");
        merged.put("zh-mo", "yue");
        merged.put("yue", "yue");
        merged.put("en", "en");
        if (voices != null) {
            voices.forEach((k, v) -> merged.put(k.toLowerCase(Locale.ROOT), v));
        }
        voices = java.util.Collections.unmodifiableMap(merged);
        languages = List.copyOf(languages == null ? List.of() : languages);
    }

    public static AudioSettings defaults() {
        return new AudioSettings(22_050, MIN_ATTENTION, Map.of(), List.of());
    }

    /** The espeak-ng voice for a CAP language tag (full tag first, then its primary subtag; default en). */
    public String voiceFor(String language) {
        String lang = language == null ? "en" : language.toLowerCase(Locale.ROOT);
        String v = voices.get(lang);
        if (v == null) {
            int dash = lang.indexOf('-');
            v = voices.get(dash > 0 ? lang.substring(0, dash) : lang);
        }
        return v == null ? "en" : v;
    }
}
