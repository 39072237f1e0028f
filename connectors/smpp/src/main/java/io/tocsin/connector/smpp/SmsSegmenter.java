package io.tocsin.connector.smpp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into SMS segments: GSM-7 when the whole text fits that alphabet, else UCS2; one message when it
 * fits 160 septets / 70 characters, else segments of 153 / 67 for an 8-bit concatenation UDH. Never splits a
 * GSM-7 escape pair or a UTF-16 surrogate pair across segments, never drops a character.
 *
 * <p>Stateless and thread-safe.
 */
public final class SmsSegmenter {

    private SmsSegmenter() {
    }

    public static SegmentPlan plan(String text) {
        SmsEncoding encoding = SmsEncoding.bestFor(text);
        int total = encoding == SmsEncoding.GSM7 ? Gsm7.septetLength(text) : text.length();
        int budget = total <= encoding.single() ? encoding.single() : encoding.perSegment();
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length() || parts.isEmpty()) {
            int end = cut(text, start, budget, encoding);
            parts.add(text.substring(start, end));
            start = end;
        }
        List<byte[]> payloads = new ArrayList<>(parts.size());
        for (String part : parts) {
            payloads.add(encoding == SmsEncoding.GSM7 ? Gsm7.encode(part) : part.getBytes(StandardCharsets.UTF_16BE));
        }
        return new SegmentPlan(text, encoding, payloads, parts);
    }

    /** Number of segments a text needs, without encoding it. */
    public static int count(String text) {
        return plan(text).segments();
    }

    private static int cut(String text, int start, int budget, SmsEncoding encoding) {
        int used = 0;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            int cost;
            int width = 1;
            if (encoding == SmsEncoding.GSM7) {
                cost = Gsm7.septets(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                cost = 2;
                width = 2;
            } else {
                cost = 1;
            }
            if (used + cost > budget) {
                break;
            }
            used += cost;
            i += width;
        }
        return i;
    }
}
