package io.tocsin.cap;

/** CAP enumeration {@code Urgency}; constants are named exactly as CAP spells them. */
public enum Urgency {
    Immediate, Expected, Future, Past, Unknown;

    /** The constant for exactly this CAP text, or null when the text is not one of them. */
    public static Urgency parse(String text) {
        if (text == null) {
            return null;
        }
        for (Urgency v : values()) {
            if (v.name().equals(text.trim())) {
                return v;
            }
        }
        return null;
    }
}
