package io.tocsin.cap;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * CAP date-times: {@code YYYY-MM-DDThh:mm:ssXzh:zm}, with an explicit offset ("Z" is not allowed by CAP
 * 1.2 but appears in real feeds, so it is read and the validator warns).
 */
public final class CapDateTime {
    private static final Pattern STRICT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[-+]\\d{2}:\\d{2}");

    private CapDateTime() {
    }

    /** True when the text is exactly CAP 1.2's form (numeric offset, no fractions). */
    public static boolean isStrict(String text) {
        return text != null && STRICT.matcher(text).matches() && parseOrNull(text) != null;
    }

    public static OffsetDateTime parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Formats as CAP wants it: seconds precision and a numeric offset. */
    public static String format(OffsetDateTime time) {
        OffsetDateTime t = time.withNano(0);
        String s = t.toString();
        if (s.length() == 16 + (s.endsWith("Z") ? 1 : 6)) {
            // OffsetDateTime.toString drops ":00" seconds
            s = s.substring(0, 16) + ":00" + s.substring(16);
        }
        return s.endsWith("Z") ? s.substring(0, s.length() - 1) + "+00:00" : s;
    }
}
