package io.tocsin.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit log's writing path as it was before lines were encoded into a byte buffer (commit 176c685: String
 * bodies built in a StringBuilder, hashed from {@code getBytes(UTF_8)}, a BufferedWriter of Strings over the file
 * channel), frozen here as the reference the new writer must match byte for byte, and the baseline of the bench's
 * {@code AuditLineBench} (engine test-jar). Test-only; not thread-safe.
 */
public final class ReferenceAuditLog implements AutoCloseable {
    private static final String HASH_FIELD = ",\"hash\":\"";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Clock clock;
    private final MessageDigest sha;
    private final Mac mac;
    private final BufferedWriter out;
    private final Times times = new Times();
    private long seq;
    private String head = "0".repeat(64);

    /** Appends to {@code file} (created if needed) as a fresh chain. */
    public ReferenceAuditLog(Path file, Clock clock, byte[] key) throws IOException, GeneralSecurityException {
        this.clock = clock;
        if (key == null || key.length == 0) {
            sha = MessageDigest.getInstance("SHA-256");
            mac = null;
        } else {
            sha = null;
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16);
    }

    public String append(String type, String actor, String alertId, String detail) {
        String body = body(seq, clock.instant(), times, type, actor, alertId, detail, head);
        String h = hash(body);
        try {
            out.write(withHash(body, h));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        seq++;
        head = h;
        return h;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    private String hash(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] digest = mac != null ? mac.doFinal(bytes) : sha.digest(bytes);
        return HexFormat.of().formatHex(digest);
    }

    static String body(long seq, Instant at, Times times, String type, String actor, String alertId,
                       String detail, String prev) {
        StringBuilder b = new StringBuilder(128 + (detail == null ? 0 : detail.length()));
        b.append("{\"seq\":").append(seq).append(",\"at\":\"");
        times.append(b, at);
        b.append('"');
        field(b, "type", type);
        field(b, "actor", actor);
        field(b, "alert", alertId);
        field(b, "detail", detail);
        field(b, "prev", prev);
        return b.append('}').toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append(",\"").append(name).append("\":");
        if (value == null) {
            b.append("null");
            return;
        }
        b.append('"');
        int plain = 0;
        while (plain < value.length() && value.charAt(plain) >= 0x20 && value.charAt(plain) != '"'
                && value.charAt(plain) != '\\') {
            plain++;
        }
        b.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    static String withHash(String body, String hash) {
        return body.substring(0, body.length() - 1) + HASH_FIELD + hash + "\"}";
    }

    /** The old InstantText: Instant.toString's text, the date-time part cached per second. */
    static final class Times {
        private static final long MIN_SECOND = -62_167_219_200L;
        private static final long MAX_SECOND = 253_402_300_799L;
        private long cachedSecond = Long.MIN_VALUE;
        private String cachedPrefix;

        void append(StringBuilder b, Instant at) {
            long second = at.getEpochSecond();
            if (second < MIN_SECOND || second > MAX_SECOND) {
                b.append(at);
                return;
            }
            if (second != cachedSecond) {
                cachedPrefix = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString();
                if (cachedPrefix.length() == 16) {
                    cachedPrefix += ":00";
                }
                cachedSecond = second;
            }
            b.append(cachedPrefix);
            int nanos = at.getNano();
            if (nanos != 0) {
                b.append('.');
                if (nanos % 1_000_000 == 0) {
                    digits(b, nanos / 1_000_000, 3);
                } else if (nanos % 1000 == 0) {
                    digits(b, nanos / 1000, 6);
                } else {
                    digits(b, nanos, 9);
                }
            }
            b.append('Z');
        }

        private static void digits(StringBuilder b, int value, int width) {
            String s = Integer.toString(value);
            for (int i = s.length(); i < width; i++) {
                b.append('0');
            }
            b.append(s);
        }
    }
}
