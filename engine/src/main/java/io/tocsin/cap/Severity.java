package io.tocsin.cap;

/** CAP enumeration {@code Severity}; constants are named exactly as CAP spells them. */
public enum Severity {
    Extreme, Severe, Moderate, Minor, Unknown;

    /** The constant for exactly this CAP text, or null when the text is not one of them. */
    public static Severity parse(String text) {
        if (text == null) {
            return null;
        }
        for (Severity v : values()) {
            if (v.name().equals(text.trim())) {
                return v;
            }
        }
        return null;
    }
}
