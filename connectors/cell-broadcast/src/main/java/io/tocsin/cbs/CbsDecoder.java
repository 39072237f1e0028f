package io.tocsin.cbs;

import java.util.List;

/**
 * Decodes CBS pages back to text, as a receiving phone does: page by page, dropping each page's trailing CR
 * padding (so a text that itself ends a page with CR loses it; the renderer never produces such text).
 * Stateless; thread-safe.
 */
public final class CbsDecoder {

    private CbsDecoder() {
    }

    public static String decode(CbsPages pages) {
        return decode(pages.dcs(), pages.pages());
    }

    /** Decodes pages of 82 octets (or fewer for a short last page). Throws IllegalArgumentException for a DCS it cannot read. */
    public static String decode(int dcs, List<byte[]> pages) {
        CbsCharset charset = CbsDataCoding.charsetOf(dcs);
        if (charset == null) {
            throw new IllegalArgumentException("unsupported DCS 0x" + Integer.toHexString(dcs));
        }
        StringBuilder out = new StringBuilder(pages.size() * CbsCharset.GSM7.perPage());
        for (byte[] page : pages) {
            if (charset == CbsCharset.GSM7) {
                appendGsm7(page, out);
            } else {
                appendUcs2(page, CbsDataCoding.hasLanguageIndication(dcs) ? 2 : 0, out);
            }
        }
        return out.toString();
    }

    /** The language indication at the start of a DCS 0x11 page ("zh"), or "". */
    public static String languageIndication(byte[] page) {
        byte[] septets = Gsm7Packer.unpack(page, 0, 2);
        return "" + Gsm7Alphabet.decode(septets[0]) + Gsm7Alphabet.decode(septets[1]);
    }

    private static void appendGsm7(byte[] page, StringBuilder out) {
        int count = page.length * 8 / 7;
        byte[] septets = Gsm7Packer.unpack(page, 0, count);
        int end = count;
        while (end > 0 && septets[end - 1] == Gsm7Alphabet.CR) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            int s = septets[i];
            if (s == Gsm7Alphabet.ESCAPE && i + 1 < end) {
                out.append(Gsm7Alphabet.decodeExtension(septets[++i]));
            } else if (s != Gsm7Alphabet.ESCAPE) {
                out.append(Gsm7Alphabet.decode(s));
            }
        }
    }

    private static void appendUcs2(byte[] page, int offset, StringBuilder out) {
        int end = page.length - (page.length - offset) % 2;
        while (end - 2 >= offset && page[end - 2] == 0 && page[end - 1] == Gsm7Alphabet.CR) {
            end -= 2;
        }
        for (int i = offset; i < end; i += 2) {
            out.append((char) (((page[i] & 0xFF) << 8) | (page[i + 1] & 0xFF)));
        }
    }
}
