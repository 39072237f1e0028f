package io.tocsin.cbs;

/** How the characters of a CBS message are coded: the GSM 7-bit default alphabet or UCS2 (UTF-16BE). */
public enum CbsCharset {
    /** 93 characters (septets) per 82-octet page. */
    GSM7(93),
    /** 41 UTF-16 code units per 82-octet page (40 when each page starts with a language indication). */
    UCS2(41);

    private final int perPage;

    CbsCharset(int perPage) {
        this.perPage = perPage;
    }

    /** Characters (septets or UTF-16 code units) one 82-octet page holds, without language indication. */
    public int perPage() {
        return perPage;
    }
}
