package io.tocsin.report;

import java.util.Collection;
import java.util.Map;

/**
 * Renders an after-action report map (see {@link AfterActionReport}) as one self-contained HTML page: a
 * heading per section, nested tables for nested values, lists of rows as tables with a header. Stateless;
 * thread-safe.
 */
public final class ReportHtml {
    private ReportHtml() {
    }

    public static String render(Map<String, Object> report) {
        StringBuilder b = new StringBuilder(8192);
        Object alert = report.get("alert");
        String id = alert instanceof Map<?, ?> m ? String.valueOf(m.get("id")) : "";
        boolean exercise = alert instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("exercise"));
        b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>After-action report ")
                .append(esc(id)).append("</title><style>body{font-family:sans-serif;margin:2em;max-width:70em}"
                        + "table{border-collapse:collapse;margin:.3em 0}td,th{border:1px solid #bbb;padding:.2em .5em;"
                        + "text-align:left;vertical-align:top}th{background:#eee}.ex{background:#fc0;padding:.5em;"
                        + "font-weight:bold}</style></head><body><h1>After-action report: ").append(esc(id)).append("</h1>");
        if (exercise) {
            b.append("<p class=\"ex\">EXERCISE / TEST: this alert was not sent to the public.</p>");
        }
        for (Map.Entry<String, Object> e : report.entrySet()) {
            b.append("<h2>").append(esc(title(e.getKey()))).append("</h2>");
            value(b, e.getValue());
        }
        return b.append("</body></html>").toString();
    }

    private static void value(StringBuilder b, Object v) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("<p>none</p>");
                return;
            }
            b.append("<table>");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append("<tr><th>").append(esc(title(String.valueOf(e.getKey())))).append("</th><td>");
                value(b, e.getValue());
                b.append("</td></tr>");
            }
            b.append("</table>");
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                b.append("none");
                return;
            }
            b.append("<table>");
            for (Object row : c) {
                b.append("<tr><td>");
                if (row instanceof Record r) {
                    b.append(esc(r.toString()));
                } else {
                    value(b, row);
                }
                b.append("</td></tr>");
            }
            b.append("</table>");
        } else if (v instanceof Record r) {
            b.append(esc(r.toString()));
        } else {
            b.append(v == null ? "&mdash;" : esc(String.valueOf(v)));
        }
    }

    private static String title(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1 $2");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
