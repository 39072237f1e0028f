package io.tocsin.cap;

/**
 * Finds where a byte array stops being well-formed UTF-8, as "byte N (line L, column C)", for the message of
 * an encoding error (the XML parser decodes ahead in blocks, so its own position is not the culprit's).
 * Used only on the error path. Thread-safe.
 */
final class Utf8Position {
    private Utf8Position() {
    }

    /** Offset of the first byte of the first malformed sequence, or -1 when the whole array is valid. */
    static int firstMalformed(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int extra;
            int min;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                extra = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                extra = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                extra = 3;
                min = 0x10000;
            } else {
                return i;
            }
            int cp = c & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
                cp = (cp << 6) | (b[i + k] & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return i;
            }
            i += extra + 1;
        }
        return -1;
    }

    /** "byte N (line L, column C)" for an offset; columns count bytes. */
    static String describe(byte[] b, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (b[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "byte " + offset + " (line " + line + ", column " + (offset - lineStart + 1) + ")";
    }
}
