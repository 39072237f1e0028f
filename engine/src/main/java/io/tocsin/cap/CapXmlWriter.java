package io.tocsin.cap;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes an {@link Alert} as CAP XML in the namespace of its version (1.2 when it has none), elements in
 * schema order, UTF-8. CAP 1.0 name/value pairs are written in 1.0's {@code name=value} text form when that
 * reads back the same (else as {@code valueName}/{@code value} elements, which the reader also accepts).
 * {@link CapDecoder#decodeXml} reads the output back to an equal model. Characters XML 1.0 cannot carry
 * (most C0 controls, unpaired surrogates) are replaced by U+FFFD; carriage returns are written as
 * {@code &#13;} so they survive XML's line-end normalisation.
 *
 * <p>Thread-safe (stateless).
 */
public final class CapXmlWriter {

    public byte[] write(Alert alert) {
        return writeString(alert).getBytes(StandardCharsets.UTF_8);
    }

    public String writeString(Alert a) {
        CapVersion v = a.version() == null ? CapVersion.V1_2 : a.version();
        StringBuilder b = new StringBuilder(4096);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"").append(v.namespace()).append("\">\n");
        el(b, 1, "identifier", a.identifier());
        el(b, 1, "sender", a.sender());
        el(b, 1, "sent", a.sent());
        el(b, 1, "status", a.status());
        el(b, 1, "msgType", a.msgType());
        el(b, 1, "source", a.source());
        el(b, 1, "scope", a.scope());
        el(b, 1, "restriction", a.restriction());
        el(b, 1, "addresses", a.addresses());
        all(b, 1, "code", a.codes());
        el(b, 1, "note", a.note());
        el(b, 1, "references", a.references());
        el(b, 1, "incidents", a.incidents());
        for (AlertInfo i : a.infos()) {
            info(b, v, i);
        }
        b.append("</alert>\n");
        return b.toString();
    }

    private static void info(StringBuilder b, CapVersion v, AlertInfo i) {
        b.append("  <info>\n");
        el(b, 2, "language", i.language());
        all(b, 2, "category", i.categories());
        el(b, 2, "event", i.event());
        all(b, 2, "responseType", i.responseTypes());
        el(b, 2, "urgency", i.urgency());
        el(b, 2, "severity", i.severity());
        el(b, 2, "certainty", i.certainty());
        el(b, 2, "audience", i.audience());
        named(b, 2, v, "eventCode", i.eventCodes());
        el(b, 2, "effective", i.effective());
        el(b, 2, "onset", i.onset());
        el(b, 2, "expires", i.expires());
        el(b, 2, "senderName", i.senderName());
        el(b, 2, "headline", i.headline());
        el(b, 2, "description", i.description());
        el(b, 2, "instruction", i.instruction());
        el(b, 2, "web", i.web());
        el(b, 2, "contact", i.contact());
        named(b, 2, v, "parameter", i.parameters());
        for (Resource r : i.resources()) {
            b.append("    <resource>\n");
            el(b, 3, "resourceDesc", r.resourceDesc());
            el(b, 3, "mimeType", r.mimeType());
            el(b, 3, "size", r.size());
            el(b, 3, "uri", r.uri());
            el(b, 3, "derefUri", r.derefUri());
            el(b, 3, "digest", r.digest());
            b.append("    </resource>\n");
        }
        for (Area a : i.areas()) {
            b.append("    <area>\n");
            el(b, 3, "areaDesc", a.areaDesc());
            all(b, 3, "polygon", a.polygons());
            all(b, 3, "circle", a.circles());
            named(b, 3, v, "geocode", a.geocodes());
            el(b, 3, "altitude", a.altitude());
            el(b, 3, "ceiling", a.ceiling());
            b.append("    </area>\n");
        }
        b.append("  </info>\n");
    }

    private static void named(StringBuilder b, int depth, CapVersion v, String name, List<NamedValue> values) {
        for (NamedValue nv : values) {
            if (v == CapVersion.V1_0 && nv.valueName() != null && nv.value() != null
                    && nv.valueName().indexOf('=') < 0) {
                el(b, depth, name, nv.valueName() + "=" + nv.value());
                continue;
            }
            // 1.1/1.2, and a 1.0 pair the text form cannot carry ('=' in the name, a missing part): elements.
            indent(b, depth).append('<').append(name).append(">");
            if (nv.valueName() != null) {
                b.append("<valueName>");
                escape(b, nv.valueName());
                b.append("</valueName>");
            }
            if (nv.value() != null) {
                b.append("<value>");
                escape(b, nv.value());
                b.append("</value>");
            }
            b.append("</").append(name).append(">\n");
        }
    }

    private static void all(StringBuilder b, int depth, String name, List<String> values) {
        for (String s : values) {
            el(b, depth, name, s);
        }
    }

    private static void el(StringBuilder b, int depth, String name, String value) {
        if (value == null) {
            return;
        }
        indent(b, depth).append('<').append(name).append('>');
        escape(b, value);
        b.append("</").append(name).append(">\n");
    }

    private static StringBuilder indent(StringBuilder b, int depth) {
        for (int i = 0; i < depth; i++) {
            b.append("  ");
        }
        return b;
    }

    static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '\r': b.append("&#13;"); break;
                case '\t':
                case '\n':
                    b.append(c);
                    break;
                default:
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                            b.append(c).append(s.charAt(++i));
                        } else {
                            b.append('\uFFFD');
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
            }
        }
    }
}
