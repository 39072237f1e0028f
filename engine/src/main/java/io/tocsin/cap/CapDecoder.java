package io.tocsin.cap;

/**
 * Reads CAP from bytes: XML (CAP 1.0/1.1/1.2, bare or inside EDXL-DE / Atom / RSS wrappers) over a hardened
 * parser (no DTD, no external entities, no XInclude, bounded size and depth), and the JSON form of the same
 * model. Never throws for bad input: every problem is a located {@link Reason}.
 *
 * <p>Thread-safe; create once and share.
 */
public final class CapDecoder {

    public CapDecoder() {
    }

    public Decoded decodeXml(byte[] body) {
        throw new UnsupportedOperationException("CAP XML decoding: being built (issue 2)");
    }

    public Decoded decodeJson(byte[] body) {
        throw new UnsupportedOperationException("CAP JSON decoding: being built (issue 2)");
    }
}
