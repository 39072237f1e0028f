package io.tocsin.cap;

import java.util.List;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;

/**
 * Reads CAP from bytes: XML (CAP 1.0/1.1/1.2, bare or inside EDXL-DE / Atom / RSS wrappers) over a hardened
 * parser (no DTD, no external entities, no XInclude, bounded size and depth), and the JSON form of the same
 * model. Never throws for bad input: every problem is a located {@link Reason}.
 *
 * <p>Thread-safe; create once and share.
 */
public final class CapDecoder {
    private final CapLimits limits;
    private final HardenedXmlInput xml;
    private final CapJsonReader json;

    public CapDecoder() {
        this(CapLimits.DEFAULT);
    }

    public CapDecoder(CapLimits limits) {
        this(limits, null);
    }

    /**
     * For tests: {@code resolutionObserver} is told about every external resolution the parser attempts
     * (each is refused anyway).
     */
    CapDecoder(CapLimits limits, XMLResolver resolutionObserver) {
        this.limits = limits;
        this.xml = new HardenedXmlInput(limits, resolutionObserver);
        this.json = new CapJsonReader(limits);
    }

    public CapLimits limits() {
        return limits;
    }

    public Decoded decodeXml(byte[] body) {
        Decoded early = checkSize(body);
        if (early != null) {
            return early;
        }
        try {
            return withUtf8Position(new CapXmlReader(xml.open(body)).read(), body);
        } catch (XMLStreamException e) {
            String msg = e.getMessage() == null ? "unreadable XML" : e.getMessage().split("\n", 2)[0];
            return failed("XML_MALFORMED", msg);
        }
    }

    public Decoded decodeJson(byte[] body) {
        Decoded early = checkSize(body);
        return early != null ? early : json.read(body);
    }

    /** Sniffs the first non-blank byte: '{' or '[' is JSON, anything else XML. */
    public Decoded decode(byte[] body) {
        if (body != null) {
            for (byte b : body) {
                if (b == '{' || b == '[') {
                    return decodeJson(body);
                }
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    break;
                }
            }
        }
        return decodeXml(body);
    }

    /** Points an encoding error at the first malformed UTF-8 byte when the parser could not. */
    private static Decoded withUtf8Position(Decoded d, byte[] body) {
        if (!hasCode(d.reasons(), "XML_ENCODING")) {
            return d;
        }
        String prolog = new String(body, 0, Math.min(body.length, 120), java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(java.util.Locale.ROOT);
        int enc = prolog.startsWith("<?xml") ? prolog.indexOf("encoding") : -1;
        if (enc >= 0 && !prolog.substring(enc).matches("(?s)encoding\\s*=\\s*['\"]utf-?8['\"].*")) {
            return d; // declared some other encoding: the parser's own message stands
        }
        int at = Utf8Position.firstMalformed(body);
        if (at < 0) {
            return d;
        }
        List<Reason> reasons = new java.util.ArrayList<>();
        for (Reason r : d.reasons()) {
            reasons.add("XML_ENCODING".equals(r.code())
                    ? Reason.error(r.path(), r.code(), "invalid UTF-8 at " + Utf8Position.describe(body, at)
                            + ": " + r.message().replaceAll(" \\(line \\d+, column \\d+\\)$", ""))
                    : r);
        }
        return new Decoded(d.alerts(), reasons);
    }

    private static boolean hasCode(List<Reason> reasons, String code) {
        for (int i = 0; i < reasons.size(); i++) {
            if (code.equals(reasons.get(i).code())) {
                return true;
            }
        }
        return false;
    }

    private Decoded checkSize(byte[] body) {
        if (body == null || body.length == 0) {
            return failed("CAP_EMPTY", "empty body");
        }
        if (body.length > limits.maxBytes()) {
            return failed("CAP_TOO_LARGE", "body of " + body.length + " bytes exceeds the limit of "
                    + limits.maxBytes() + " bytes; not parsed");
        }
        return null;
    }

    private static Decoded failed(String code, String message) {
        return new Decoded(List.of(), List.of(Reason.error("/", code, message)));
    }
}
