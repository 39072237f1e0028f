package io.tocsin.cbs;

/**
 * The encoder's verdict on one text: it fits (with its pages) or it does not (with how many pages it would
 * need). Nothing is ever cut to fit.
 *
 * @param pagesNeeded pages the whole text takes, whether or not that is within the budget
 * @param budget      the most pages allowed
 * @param pages       the encoded pages; null unless {@link #fits()}
 *
 * <p>Immutable; thread-safe.
 */
public record CbsEncoding(CbsCharset charset, int characters, int pagesNeeded, int budget, CbsPages pages) {

    public boolean fits() {
        return pages != null;
    }

    /** A line for operators: "3/15 pages, UCS2, 120 characters" or "16 pages needed, 15 allowed (UCS2, 640 characters)". */
    public String describe() {
        if (fits()) {
            return pagesNeeded + "/" + budget + " pages, " + charset + ", " + characters + " characters";
        }
        return "does not fit: " + pagesNeeded + " pages needed, " + budget + " allowed (" + charset + ", "
                + characters + " characters, " + charset.perPage() + " per page)";
    }
}
