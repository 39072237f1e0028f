package io.tocsin.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes an instant as the ASCII bytes of {@link Instant#toString()} (ISO-8601 UTC, fraction in groups of three
 * digits, none when zero), reusing the date-time part while the second does not change: the audit trail stamps
 * several lines per alert on the pipeline thread, where {@code Instant.toString} was a tenth of the audit cost.
 * Not thread-safe: one per writer.
 */
final class InstantText {
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: outside them Instant.toString adds signs and more digits. */
    private static final long MIN_SECOND = -62_167_219_200L;
    private static final long MAX_SECOND = 253_402_300_799L;
    /** The longest text: {@code 9999-12-31T23:59:59.999999999Z}; outside the four-digit years, toString's own. */
    static final int MAX_LENGTH = 30;

    private long cachedSecond = Long.MIN_VALUE;
    private final byte[] prefix = new byte[19]; // yyyy-MM-ddTHH:mm:ss

    /** Writes the text of {@code at} at {@code b[p]} (room for {@link #length(Instant)} bytes) and returns the end. */
    int write(byte[] b, int p, Instant at) {
        long second = at.getEpochSecond();
        if (second < MIN_SECOND || second > MAX_SECOND) {
            byte[] text = at.toString().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, b, p, text.length);
            return p + text.length;
        }
        if (second != cachedSecond) {
            String s = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString();
            if (s.length() == 16) {
                s += ":00"; // LocalDateTime omits zero seconds; Instant does not
            }
            for (int i = 0; i < prefix.length; i++) {
                prefix[i] = (byte) s.charAt(i); // ASCII
            }
            cachedSecond = second;
        }
        System.arraycopy(prefix, 0, b, p, prefix.length);
        p += prefix.length;
        int nanos = at.getNano();
        if (nanos != 0) {
            b[p++] = '.';
            if (nanos % 1_000_000 == 0) {
                p = digits(b, p, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                p = digits(b, p, nanos / 1000, 6);
            } else {
                p = digits(b, p, nanos, 9);
            }
        }
        b[p++] = 'Z';
        return p;
    }

    /** Bytes {@link #write} needs for {@code at} at most. */
    static int length(Instant at) {
        long second = at.getEpochSecond();
        return second < MIN_SECOND || second > MAX_SECOND ? at.toString().length() : MAX_LENGTH;
    }

    /** {@code value} (below 10^width) zero-padded to {@code width} digits. */
    private static int digits(byte[] b, int p, int value, int width) {
        for (int i = p + width - 1; i >= p; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return p + width;
    }
}
