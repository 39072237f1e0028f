package io.tocsin.cbs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes a text into CBS pages (3GPP TS 23.041 §9.4.1.2, TS 23.038 §6.1.2.2):
 *
 * <ul>
 *   <li>GSM 7-bit when every character is in the default alphabet or its extension table: 93 septets per
 *       82-octet page, packed, the last page padded with CR (0x0D) and 5 zero bits. An extension character
 *       (ESC + code) is never split across two pages: the page is closed with CR instead.</li>
 *   <li>UCS2 otherwise (Chinese): 41 UTF-16 code units per page (40 after a language indication), padded
 *       with U+000D; a surrogate pair is never split across pages.</li>
 * </ul>
 *
 * Text longer than the page budget is reported ({@link CbsEncoding#fits()} false), never cut.
 * Immutable; thread-safe.
 */
public final class CbsEncoder {

    private final int maxPages;
    private final boolean ucs2LanguageIndication;

    /**
     * @param maxPages               the page budget, 1..15
     * @param ucs2LanguageIndication true: UCS2 pages start with a 2-octet language (DCS 0x11, 40 characters
     *                               per page); false: DCS 0x48 and 41 characters per page
     */
    public CbsEncoder(int maxPages, boolean ucs2LanguageIndication) {
        if (maxPages < 1 || maxPages > CbsPages.MAX_PAGES) {
            throw new IllegalArgumentException("maxPages must be 1.." + CbsPages.MAX_PAGES + ", was " + maxPages);
        }
        this.maxPages = maxPages;
        this.ucs2LanguageIndication = ucs2LanguageIndication;
    }

    /** 15 pages, UCS2 without language indication. */
    public static CbsEncoder standard() {
        return new CbsEncoder(CbsPages.MAX_PAGES, false);
    }

    public int maxPages() {
        return maxPages;
    }

    /** Encodes in GSM 7-bit when possible, else UCS2. */
    public CbsEncoding encode(String text, String languageTag) {
        long layout = gsm7Layout(text);
        return layout >= 0 ? encodeGsm7(text, languageTag, (int) (layout >>> 32), (int) layout)
                : encodeUcs2(text, languageTag);
    }

    /** One pass: (pages << 32 | septets) of the GSM 7-bit layout, or -1 when a character is in neither table. */
    private static long gsm7Layout(CharSequence text) {
        int pages = 1;
        int used = 0;
        int septets = 0;
        int perPage = CbsCharset.GSM7.perPage();
        for (int i = 0; i < text.length(); i++) {
            int n = Gsm7Alphabet.septetsOf(text.charAt(i));
            if (n < 0) {
                return -1;
            }
            if (used + n > perPage) {
                pages++;
                used = 0;
            }
            used += n;
            septets += n;
        }
        return ((long) pages << 32) | septets;
    }

    /** Pages a GSM 7-bit text needs (extension characters not split across pages); -1 if not encodable. */
    public static int gsm7Pages(CharSequence text) {
        long layout = gsm7Layout(text);
        return layout < 0 ? -1 : (int) (layout >>> 32);
    }

    /** Pages a UCS2 text needs at this many code units per page (surrogate pairs not split). */
    public static int ucs2Pages(CharSequence text, int perPage) {
        int pages = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int n = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            if (used + n > perPage) {
                pages++;
                used = 0;
            }
            used += n;
            i += n - 1;
        }
        return pages;
    }

    private CbsEncoding encodeGsm7(String text, String languageTag, int needed, int septets) {
        if (needed > maxPages) {
            return new CbsEncoding(CbsCharset.GSM7, septets, needed, maxPages, null);
        }
        int perPage = CbsCharset.GSM7.perPage();
        List<byte[]> pages = new ArrayList<>(needed);
        byte[] buffer = new byte[perPage];
        Arrays.fill(buffer, (byte) Gsm7Alphabet.CR);
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int n = Gsm7Alphabet.septetsOf(c);
            if (used + n > perPage) {
                pages.add(packPage(buffer));
                Arrays.fill(buffer, (byte) Gsm7Alphabet.CR);
                used = 0;
            }
            if (n == 2) {
                buffer[used++] = (byte) Gsm7Alphabet.ESCAPE;
            }
            buffer[used++] = (byte) Gsm7Alphabet.codeOf(c);
        }
        pages.add(packPage(buffer));
        CbsPages content = new CbsPages(CbsDataCoding.gsm7(languageTag), CbsCharset.GSM7, pages, septets);
        return new CbsEncoding(CbsCharset.GSM7, septets, pages.size(), maxPages, content);
    }

    private static byte[] packPage(byte[] septets) {
        byte[] page = new byte[CbsPages.PAGE_OCTETS];
        Gsm7Packer.pack(septets, 0, septets.length, page, 0);
        return page;
    }

    private CbsEncoding encodeUcs2(String text, String languageTag) {
        int offset = ucs2LanguageIndication ? 2 : 0;
        int perPage = (CbsPages.PAGE_OCTETS - offset) / 2;
        int needed = ucs2Pages(text, perPage);
        if (needed > maxPages) {
            return new CbsEncoding(CbsCharset.UCS2, text.length(), needed, maxPages, null);
        }
        byte[] language = ucs2LanguageIndication ? languageIndication(languageTag) : null;
        List<byte[]> pages = new ArrayList<>(needed);
        byte[] page = newUcs2Page(language);
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int n = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            if (used + n > perPage) {
                pages.add(page);
                page = newUcs2Page(language);
                used = 0;
            }
            for (int k = 0; k < n; k++) {
                char c = text.charAt(i + k);
                int at = offset + 2 * used++;
                page[at] = (byte) (c >>> 8);
                page[at + 1] = (byte) c;
            }
            i += n - 1;
        }
        pages.add(page);
        CbsPages content = new CbsPages(CbsDataCoding.ucs2(ucs2LanguageIndication), CbsCharset.UCS2, pages,
                text.length());
        return new CbsEncoding(CbsCharset.UCS2, text.length(), pages.size(), maxPages, content);
    }

    private static byte[] newUcs2Page(byte[] language) {
        byte[] page = new byte[CbsPages.PAGE_OCTETS];
        int from = 0;
        if (language != null) {
            page[0] = language[0];
            page[1] = language[1];
            from = 2;
        }
        for (int i = from; i < page.length; i += 2) {
            page[i + 1] = (byte) Gsm7Alphabet.CR;
        }
        return page;
    }

    /** Two GSM 7-bit characters of the ISO 639-1 code packed into 2 octets, the 16th bit 0 (TS 23.038 §5). */
    static byte[] languageIndication(String languageTag) {
        String code = CbsDataCoding.iso639(languageTag);
        if (code.length() != 2 || !Gsm7Alphabet.canEncode(code) || Gsm7Alphabet.septetCount(code) != 2) {
            code = "  ";
        }
        byte[] septets = {(byte) Gsm7Alphabet.codeOf(code.charAt(0)), (byte) Gsm7Alphabet.codeOf(code.charAt(1))};
        return Gsm7Packer.pack(septets);
    }
}
