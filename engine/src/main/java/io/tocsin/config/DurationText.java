package io.tocsin.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them in YAML: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, a bare
 * number of seconds, or ISO-8601 ({@code PT10S}). Thread-safe.
 */
final class DurationText extends StdDeserializer<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    DurationText() {
        super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return Duration.ofSeconds(p.getLongValue());
        }
        String text = p.getValueAsString();
        Duration d = parse(text);
        if (d == null) {
            return (Duration) ctxt.handleWeirdStringValue(Duration.class, text,
                    "expected a duration such as 500ms, 10s, 2m, 1h or PT10S");
        }
        return d;
    }

    static Duration parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
