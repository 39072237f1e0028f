package io.tocsin.tv;

/**
 * Writing AMCP parameters and CasparCG template data. Stateless and thread-safe.
 *
 * <pre>
 *   CG 1-20 ADD 1 "tocsin/crawl" 1 "&lt;templateData&gt;&lt;componentData id=\"f0\"&gt;&lt;data id=\"text\" value=\"…\"/&gt;…"
 * </pre>
 */
final class Amcp {

    private Amcp() {
    }

    /** A quoted AMCP parameter: backslash, quote and line breaks escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> { }
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** CasparCG template data with fields {@code f0}, {@code f1}, ... in order. */
    static String templateData(String... fields) {
        StringBuilder sb = new StringBuilder("<templateData>");
        for (int i = 0; i < fields.length; i++) {
            sb.append("<componentData id=\"f").append(i).append("\"><data id=\"text\" value=\"")
                    .append(xml(fields[i])).append("\"/></componentData>");
        }
        return sb.append("</templateData>").toString();
    }

    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
