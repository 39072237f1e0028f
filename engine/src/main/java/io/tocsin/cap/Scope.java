package io.tocsin.cap;

/** CAP enumeration {@code Scope}; constants are named exactly as CAP spells them. */
public enum Scope {
    Public, Restricted, Private;

    /** The constant for exactly this CAP text, or null when the text is not one of them. */
    public static Scope parse(String text) {
        if (text == null) {
            return null;
        }
        for (Scope v : values()) {
            if (v.name().equals(text.trim())) {
                return v;
            }
        }
        return null;
    }
}
