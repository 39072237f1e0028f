package io.tocsin.connector.smpp;

/**
 * The GSM 03.38 default alphabet and its extension table, as SMPP carries it with {@code data_coding = 0}:
 * one septet per octet (unpacked); the SMSC packs it for the air interface. An extension character is
 * written as ESC (0x1B) followed by its code and costs two septets.
 *
 * <p>Stateless and thread-safe.
 */
public final class Gsm7 {

    static final int ESC = 0x1B;

    /** Index = septet, value = character; ESC (0x1B) is a placeholder that never matches text. */
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
    private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private static final short[] BASIC_OF = new short[0x2100];
    private static final short[] EXTENSION_OF = new short[0x2100];

    static {
        java.util.Arrays.fill(BASIC_OF, (short) -1);
        java.util.Arrays.fill(EXTENSION_OF, (short) -1);
        for (int i = 0; i < BASIC.length(); i++) {
            if (i != ESC) {
                BASIC_OF[BASIC.charAt(i)] = (short) i;
            }
        }
        for (int i = 0; i < EXTENSION_CHARS.length(); i++) {
            EXTENSION_OF[EXTENSION_CHARS.charAt(i)] = EXTENSION_CODES[i];
        }
    }

    private Gsm7() {
    }

    /** Septets this character costs: 1 (basic), 2 (extension) or 0 when GSM-7 cannot carry it. */
    public static int septets(char c) {
        if (c < BASIC_OF.length) {
            if (BASIC_OF[c] >= 0) {
                return 1;
            }
            if (EXTENSION_OF[c] >= 0) {
                return 2;
            }
        }
        return 0;
    }

    /** True when every character of the text has a GSM-7 encoding. */
    public static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Total septets of a text that {@link #canEncode} accepted. */
    public static int septetLength(CharSequence text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += septets(text.charAt(i));
        }
        return n;
    }

    /** Unpacked septets (one per octet), extension characters escaped. */
    public static byte[] encode(CharSequence text) {
        byte[] out = new byte[septetLength(text)];
        int p = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            short basic = BASIC_OF[c];
            if (basic >= 0) {
                out[p++] = (byte) basic;
            } else {
                out[p++] = ESC;
                out[p++] = (byte) EXTENSION_OF[c];
            }
        }
        return out;
    }

    /** Decodes unpacked septets; unknown escapes decode as a space, as 03.38 asks of receivers. */
    public static String decode(byte[] septets, int offset, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = offset; i < offset + length; i++) {
            int s = septets[i] & 0x7F;
            if (s == ESC && i + 1 < offset + length) {
                int code = septets[++i] & 0x7F;
                int idx = -1;
                for (int k = 0; k < EXTENSION_CODES.length; k++) {
                    if (EXTENSION_CODES[k] == code) {
                        idx = k;
                    }
                }
                sb.append(idx >= 0 ? EXTENSION_CHARS.charAt(idx) : ' ');
            } else {
                sb.append(BASIC.charAt(s));
            }
        }
        return sb.toString();
    }
}
