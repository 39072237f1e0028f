package io.tocsin.audio;

import java.time.Duration;

/**
 * The SAME purge time TTTT (47 CFR 11.31(c)): the message's valid period in 15-minute steps up to one hour,
 * then in 30-minute steps, written hhmm. Periods are rounded UP (a warning never lapses before its CAP
 * expiry); anything under 15 minutes becomes 0015 and anything beyond 99:30 becomes 9930.
 * Stateless and thread-safe.
 */
public final class PurgeTime {

    /** The longest period the four digits can carry. */
    public static final Duration MAX = Duration.ofHours(99).plusMinutes(30);

    private PurgeTime() {
    }

    /** The rounded period, in minutes. */
    public static long roundedMinutes(Duration valid) {
        long seconds = Math.max(0, valid.getSeconds() + (valid.getNano() > 0 ? 1 : 0));
        long minutes = (seconds + 59) / 60;
        long rounded;
        if (minutes <= 60) {
            rounded = Math.max(15, ceilTo(minutes, 15));
        } else {
            rounded = ceilTo(minutes, 30);
        }
        return Math.min(rounded, MAX.toMinutes());
    }

    /** The TTTT field for this valid period. */
    public static String of(Duration valid) {
        long m = roundedMinutes(valid);
        return String.format("%02d%02d", m / 60, m % 60);
    }

    private static long ceilTo(long value, long step) {
        return (value + step - 1) / step * step;
    }
}
