package io.tocsin.cap;

/** CAP enumeration {@code MsgType}; constants are named exactly as CAP spells them. */
public enum MsgType {
    Alert, Update, Cancel, Ack, Error;

    /** The constant for exactly this CAP text, or null when the text is not one of them. */
    public static MsgType parse(String text) {
        if (text == null) {
            return null;
        }
        for (MsgType v : values()) {
            if (v.name().equals(text.trim())) {
                return v;
            }
        }
        return null;
    }
}
