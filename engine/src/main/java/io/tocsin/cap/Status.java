package io.tocsin.cap;

/** CAP enumeration {@code Status}; constants are named exactly as CAP spells them. */
public enum Status {
    Actual, Exercise, System, Test, Draft;

    /** The constant for exactly this CAP text, or null when the text is not one of them. */
    public static Status parse(String text) {
        if (text == null) {
            return null;
        }
        for (Status v : values()) {
            if (v.name().equals(text.trim())) {
                return v;
            }
        }
        return null;
    }
}
