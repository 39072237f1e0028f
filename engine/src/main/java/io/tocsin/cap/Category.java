package io.tocsin.cap;

/** CAP enumeration {@code Category}; constants are named exactly as CAP spells them. */
public enum Category {
    Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, CBRNE, Other;

    /** The constant for exactly this CAP text, or null when the text is not one of them. */
    public static Category parse(String text) {
        if (text == null) {
            return null;
        }
        for (Category v : values()) {
            if (v.name().equals(text.trim())) {
                return v;
            }
        }
        return null;
    }
}
