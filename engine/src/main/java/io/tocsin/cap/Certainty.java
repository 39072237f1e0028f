package io.tocsin.cap;

/** CAP enumeration {@code Certainty}; constants are named exactly as CAP spells them. */
public enum Certainty {
    Observed, Likely, Possible, Unlikely, Unknown;

    /** The constant for exactly this CAP text, or null when the text is not one of them. */
    public static Certainty parse(String text) {
        if (text == null) {
            return null;
        }
        for (Certainty v : values()) {
            if (v.name().equals(text.trim())) {
                return v;
            }
        }
        return null;
    }
}
