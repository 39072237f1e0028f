package io.tocsin.sim.smpp;

/**
 * Decodes unpacked GSM 03.38 septets (SMPP {@code data_coding} 0) the way a handset would, independently of the
 * connector's encoder so tests compare two implementations. Stateless and thread-safe.
 */
final class GsmAlphabet {

    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u00A0ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private GsmAlphabet() {
    }

    static String decode(byte[] b, int offset, int length) {
        StringBuilder sb = new StringBuilder(length);
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int s = b[i] & 0x7F;
            if (s != 0x1B) {
                sb.append(BASIC.charAt(s));
            } else if (i + 1 < end) {
                sb.append(extension(b[++i] & 0x7F));
            }
        }
        return sb.toString();
    }

    private static char extension(int code) {
        switch (code) {
            case 0x0A: return '\f';
            case 0x14: return '^';
            case 0x28: return '{';
            case 0x29: return '}';
            case 0x2F: return '\\';
            case 0x3C: return '[';
            case 0x3D: return '~';
            case 0x3E: return ']';
            case 0x40: return '|';
            case 0x65: return '€';
            default: return ' ';
        }
    }
}
