package io.tocsin.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Encodes audit lines (the {@link AuditLine} format) straight into one reused byte buffer as UTF-8, hashes the
 * body where it lies and writes the hash after it, then hands the buffer to the channel when it is full or at
 * {@link #drain()}: one pass over each field's chars and no per-line garbage, on the pipeline thread.
 *
 * <pre>
 * {"seq":7,…,"prev":"ab12…"}            ← encoded, then hashed in place
 * {"seq":7,…,"prev":"ab12…","hash":"cd34…"}\n   ← the closing brace overwritten by the hash field
 * </pre>
 *
 * Text is escaped exactly as {@link AuditLine} documents and encoded as {@code String.getBytes(UTF_8)} does (a
 * lone surrogate becomes {@code ?}). Not thread-safe: one per log, used under its lock.
 */
final class AuditLineWriter {
    private static final byte[] SEQ = ascii("{\"seq\":");
    private static final byte[] AT = ascii(",\"at\":\"");
    private static final byte[] TYPE = ascii("\",\"type\":");
    private static final byte[] ACTOR = ascii(",\"actor\":");
    private static final byte[] ALERT = ascii(",\"alert\":");
    private static final byte[] DETAIL = ascii(",\"detail\":");
    private static final byte[] PREV = ascii(",\"prev\":\"");
    private static final byte[] HASH = ascii(",\"hash\":\"");
    private static final byte[] NULL = ascii("null");
    private static final byte[] UPPER_HEX = ascii("0123456789ABCDEF");
    /** Everything but the instant and the four texts: names, a 20-digit seq, both hashes, quotes, brace, newline. */
    private static final int FIXED = SEQ.length + 20 + AT.length + TYPE.length + ACTOR.length + ALERT.length
            + DETAIL.length + PREV.length + ChainHash.HEX_LENGTH + 2 + HASH.length + ChainHash.HEX_LENGTH + 3;

    private final WritableByteChannel out;
    private final ChainHash hash;
    private final InstantText times = new InstantText();
    private final byte[] head = new byte[ChainHash.HEX_LENGTH];
    private char[] chars = new char[256];
    private byte[] buf;
    private ByteBuffer view;
    private int pos;

    /** {@code head}: the hash the next line chains to ({@link ChainHash#GENESIS} for a new log). */
    AuditLineWriter(WritableByteChannel out, ChainHash hash, String head, int capacity) {
        if (head.length() != ChainHash.HEX_LENGTH) {
            throw new IllegalArgumentException("not a hash: " + head);
        }
        this.out = out;
        this.hash = hash;
        for (int i = 0; i < head.length(); i++) {
            this.head[i] = (byte) head.charAt(i);
        }
        this.buf = new byte[capacity];
        this.view = ByteBuffer.wrap(buf);
    }

    /**
     * Encodes one line chained to the head, which becomes this line's hash. When the buffer lacks room the lines
     * before are written to the channel first; if that fails nothing of this line is buffered.
     */
    void add(long seq, Instant at, String type, String actor, String alertId, CharSequence detail) throws IOException {
        long need = FIXED + InstantText.length(at) + room(type) + room(actor) + room(alertId) + room(detail);
        if (pos + need > buf.length) {
            drain();
            if (need > buf.length) {
                grow(Math.toIntExact(need));
            }
        }
        byte[] b = buf;
        int start = pos;
        int p = put(b, start, SEQ);
        p = digits(b, p, seq);
        p = put(b, p, AT);
        p = times.write(b, p, at);
        p = put(b, p, TYPE);
        p = text(b, p, type);
        p = put(b, p, ACTOR);
        p = text(b, p, actor);
        p = put(b, p, ALERT);
        p = text(b, p, alertId);
        p = put(b, p, DETAIL);
        p = text(b, p, detail);
        p = put(b, p, PREV);
        p = put(b, p, head);
        b[p++] = '"';
        b[p++] = '}';
        hash.of(b, start, p - start, head, 0);
        p = put(b, p - 1, HASH);
        p = put(b, p, head);
        b[p++] = '"';
        b[p++] = '}';
        b[p++] = '\n';
        pos = p;
    }

    /** The hash of the last line added (or the head given at construction). */
    String head() {
        return new String(head, StandardCharsets.US_ASCII);
    }

    /** Writes every buffered byte to the channel; on failure what was not written stays buffered. */
    void drain() throws IOException {
        if (pos == 0) {
            return;
        }
        view.clear().limit(pos);
        try {
            while (view.hasRemaining()) {
                out.write(view);
            }
        } finally {
            int left = view.remaining();
            if (left > 0) {
                System.arraycopy(buf, view.position(), buf, 0, left);
            }
            pos = left;
        }
    }

    /** Bytes buffered and not yet written. */
    int buffered() {
        return pos;
    }

    private void grow(int need) {
        buf = new byte[Math.max(need, buf.length * 2)];
        view = ByteBuffer.wrap(buf);
    }

    /** Most bytes a text can take: quotes plus six per char (a control char as {@code \\u00XX}). */
    private static long room(CharSequence s) {
        return s == null ? NULL.length : 2 + 6L * s.length();
    }

    private static int put(byte[] b, int p, byte[] bytes) {
        System.arraycopy(bytes, 0, b, p, bytes.length);
        return p + bytes.length;
    }

    private static int digits(byte[] b, int p, long v) {
        if (v < 0) {
            return put(b, p, ascii(Long.toString(v)));
        }
        int n = 1;
        for (long t = v; t >= 10; t /= 10) {
            n++;
        }
        for (int i = p + n - 1; i >= p; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return p + n;
    }

    /** A JSON string (or {@code null}) in UTF-8, its chars first copied out in bulk (no per-char coder checks). */
    private int text(byte[] b, int p, CharSequence s) {
        if (s == null) {
            return put(b, p, NULL);
        }
        int n = s.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        char[] c = chars;
        if (s instanceof String string) {
            string.getChars(0, n, c, 0);
        } else if (s instanceof StringBuilder builder) {
            builder.getChars(0, n, c, 0);
        } else {
            for (int i = 0; i < n; i++) {
                c[i] = s.charAt(i);
            }
        }
        return encode(b, p, c, n);
    }

    private static int encode(byte[] b, int p, char[] s, int n) {
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s[i];
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[p++] = (byte) c;
                } else {
                    p = escape(b, p, c);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s[i + 1])) {
                int cp = Character.toCodePoint(c, s[++i]);
                b[p++] = (byte) (0xF0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                b[p++] = '?'; // what String.getBytes(UTF_8), and so the hash, makes of a lone surrogate
            }
        }
        b[p++] = '"';
        return p;
    }

    private static int escape(byte[] b, int p, char c) {
        b[p++] = '\\';
        switch (c) {
            case '"' -> b[p++] = '"';
            case '\\' -> b[p++] = '\\';
            case '\n' -> b[p++] = 'n';
            case '\r' -> b[p++] = 'r';
            case '\t' -> b[p++] = 't';
            case '\b' -> b[p++] = 'b';
            case '\f' -> b[p++] = 'f';
            default -> {
                b[p++] = 'u';
                b[p++] = '0';
                b[p++] = '0';
                b[p++] = UPPER_HEX[c >> 4];
                b[p++] = UPPER_HEX[c & 0xF];
            }
        }
        return p;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
