package io.tocsin.cbs;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The content of one CBS message: its data coding scheme and 1–15 pages of exactly 82 octets each (the
 * 88-octet page of TS 23.041 §9.4.1.2 without its 6-octet header), padded as TS 23.038 asks.
 *
 * @param dcs        the data coding scheme octet
 * @param charset    the character set the DCS announces
 * @param pages      the page contents; each array is 82 octets and must not be modified
 * @param characters characters of text carried (septets for GSM 7-bit, UTF-16 code units for UCS2)
 *
 * <p>Immutable by convention (the arrays are not copied on the hot path); thread-safe.
 */
public record CbsPages(int dcs, CbsCharset charset, List<byte[]> pages, int characters) {

    /** Octets of content in one CBS page. */
    public static final int PAGE_OCTETS = 82;
    /** The most pages one CBS message may have (TS 23.041 §9.4.1.2.3). */
    public static final int MAX_PAGES = 15;

    public CbsPages {
        pages = List.copyOf(pages);
    }

    public int pageCount() {
        return pages.size();
    }

    /** Each page as upper-case hex, the form ECBE's {@code payload_encoded.pages} carries. */
    public List<String> hexPages() {
        HexFormat hex = HexFormat.of().withUpperCase();
        List<String> out = new ArrayList<>(pages.size());
        for (byte[] page : pages) {
            out.add(hex.formatHex(page));
        }
        return out;
    }
}
