package io.tocsin.cap;

/** CAP enumeration {@code ResponseType}; constants are named exactly as CAP spells them. */
public enum ResponseType {
    Shelter, Evacuate, Prepare, Execute, Avoid, Monitor, Assess, AllClear, None;

    /** The constant for exactly this CAP text, or null when the text is not one of them. */
    public static ResponseType parse(String text) {
        if (text == null) {
            return null;
        }
        for (ResponseType v : values()) {
            if (v.name().equals(text.trim())) {
                return v;
            }
        }
        return null;
    }
}
