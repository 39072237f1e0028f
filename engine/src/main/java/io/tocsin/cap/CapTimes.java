package io.tocsin.cap;

/**
 * Fast check and conversion of CAP 1.2 date-times ({@code YYYY-MM-DDThh:mm:ss±hh:mm}, no "Z", no
 * fractions) without regular expressions or exceptions, for the validator's hot path. Thread-safe.
 */
final class CapTimes {
    /** Returned for text that is not a strict CAP date-time. */
    static final long INVALID = Long.MIN_VALUE;

    private CapTimes() {
    }

    /** Epoch seconds of a strict CAP date-time, or {@link #INVALID}. */
    static long epochSeconds(String s) {
        if (s == null || s.length() != 25 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(22) != ':') {
            return INVALID;
        }
        char sign = s.charAt(19);
        if (sign != '+' && sign != '-') {
            return INVALID;
        }
        int year = num(s, 0, 4);
        int month = num(s, 5, 2);
        int day = num(s, 8, 2);
        int hour = num(s, 11, 2);
        int minute = num(s, 14, 2);
        int second = num(s, 17, 2);
        int offH = num(s, 20, 2);
        int offM = num(s, 23, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || offH < 0 || offH > 14 || offM < 0 || offM > 59) {
            return INVALID;
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return INVALID;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        long offset = (offH * 3600L + offM * 60L) * (sign == '+' ? 1 : -1);
        return days * 86400L + hour * 3600L + minute * 60L + second - offset;
    }

    /** The non-negative number written by {@code len} ASCII digits at {@code from}, or -1. */
    static int num(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
