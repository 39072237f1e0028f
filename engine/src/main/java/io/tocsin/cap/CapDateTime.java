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
        String t = text.trim();
        return t.length() == STRICT_LENGTH ? parseStrict(t) : fallback(t);
    }

    private static final int STRICT_LENGTH = "2026-11-29T09:30:00+08:00".length();

    /**
     * The fast path for CAP's own form, which is nearly every date-time the engine reads (a parse per alert on
     * the pipeline thread; {@code OffsetDateTime.parse} costs microseconds). Same answers as the ISO parser for
     * text of this length: invalid fields (month 13, 30 February, hour 24, offset +19:00) give null; any other
     * shape of this length falls back to it.
     */
    private static OffsetDateTime parseStrict(String t) {
        if (t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(22) != ':' || (t.charAt(19) != '+' && t.charAt(19) != '-')) {
            return fallback(t);
        }
        int year = CapTimes.num(t, 0, 4);
        int month = CapTimes.num(t, 5, 2);
        int day = CapTimes.num(t, 8, 2);
        int hour = CapTimes.num(t, 11, 2);
        int minute = CapTimes.num(t, 14, 2);
        int second = CapTimes.num(t, 17, 2);
        int offH = CapTimes.num(t, 20, 2);
        int offM = CapTimes.num(t, 23, 2);
        if ((year | month | day | hour | minute | second | offH | offM) < 0) {
            return fallback(t);
        }
        int sign = t.charAt(19) == '-' ? -1 : 1;
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0,
                    java.time.ZoneOffset.ofHoursMinutes(sign * offH, sign * offM));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static OffsetDateTime fallback(String t) {
        try {
            return OffsetDateTime.parse(t);
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
