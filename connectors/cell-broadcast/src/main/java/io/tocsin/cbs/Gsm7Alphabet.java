package io.tocsin.cbs;

import java.util.Arrays;

/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1 and §6.2.1.1).
 *
 * <p>A character of the extension table is sent as two septets: {@link #ESCAPE} (0x1B) then its code.
 * Immutable tables; thread-safe.
 */
public final class Gsm7Alphabet {

    /** The escape septet that announces a character of the extension table. */
    public static final int ESCAPE = 0x1B;

    /** Carriage return: also the padding character of CBS pages (TS 23.038 §6.1.2.2). */
    public static final int CR = 0x0D;

    /** Returned by {@link #septetsOf} for a character that is in neither table. */
    public static final int NOT_ENCODABLE = -1;

    private static final String DEFAULT =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** Extension table: code → character (form feed, ^, {, }, \, [, ~, ], |, €). */
    private static final int[][] EXTENSION = {
        {0x0A, '\f'}, {0x14, '^'}, {0x28, '{'}, {0x29, '}'}, {0x2F, '\\'},
        {0x3C, '['}, {0x3D, '~'}, {0x3E, ']'}, {0x40, '|'}, {0x65, '€'},
    };

    private static final char[] DECODE = DEFAULT.toCharArray();
    private static final char[] DECODE_EXTENSION = new char[128];
    /** char → septet (0..127), 0x100 | septet for extension characters, -1 when absent. BMP only. */
    private static final int[] ENCODE = new int[0x10000];

    static {
        if (DECODE.length != 128) {
            throw new IllegalStateException("default alphabet must have 128 entries, has " + DECODE.length);
        }
        Arrays.fill(ENCODE, NOT_ENCODABLE);
        for (int code = 0; code < 128; code++) {
            if (code != ESCAPE) {
                ENCODE[DECODE[code]] = code;
            }
        }
        for (int[] entry : EXTENSION) {
            ENCODE[entry[1]] = 0x100 | entry[0];
            DECODE_EXTENSION[entry[0]] = (char) entry[1];
        }
    }

    private Gsm7Alphabet() {
    }

    /** Septets this character takes: 1 (default table), 2 (extension table) or {@link #NOT_ENCODABLE}. */
    public static int septetsOf(char c) {
        int code = ENCODE[c];
        return code < 0 ? NOT_ENCODABLE : (code > 0xFF ? 2 : 1);
    }

    /** The septet of a default-table character, or of the extension-table character after ESC. */
    public static int codeOf(char c) {
        return ENCODE[c] & 0x7F;
    }

    /** True when every character of the text is in the default alphabet or its extension table. */
    public static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (ENCODE[text.charAt(i)] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Septets the whole text takes (extension characters count two), or -1 if any character is absent. */
    public static int septetCount(CharSequence text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int s = septetsOf(text.charAt(i));
            if (s < 0) {
                return -1;
            }
            n += s;
        }
        return n;
    }

    /** The character of a default-table septet. */
    public static char decode(int septet) {
        return DECODE[septet & 0x7F];
    }

    /**
     * The character of an extension-table septet; per TS 23.038 an unknown extension code is shown as the
     * default-table character of the same code (a receiving phone does the same).
     */
    public static char decodeExtension(int septet) {
        char c = DECODE_EXTENSION[septet & 0x7F];
        return c != 0 ? c : DECODE[septet & 0x7F];
    }
}
