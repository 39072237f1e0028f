package io.tocsin.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Escaping for XML text and attributes, and for ids in URL paths. Stateless. */
final class Xml {

    private Xml() {
    }

    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&apos;"); break;
                default:
                    // Characters XML 1.0 forbids (most C0 controls) are dropped rather than emitted.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }

    static String attr(String s) {
        return text(s);
    }

    static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
