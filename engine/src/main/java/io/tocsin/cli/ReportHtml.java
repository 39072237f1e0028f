package io.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** The after-action report as one self-contained HTML page (no external resources). Stateless. */
final class ReportHtml {

    private ReportHtml() {
    }

    static String render(JsonNode alert) {
        AlertProgress p = AlertProgress.of(alert);
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Tocsin report ")
                .append(esc(alert.path("id").asText())).append("</title><style>")
                .append("body{font:14px system-ui,sans-serif;margin:24px;color:#1d2430}")
                .append("table{border-collapse:collapse}td,th{padding:4px 8px;border-bottom:1px solid #ddd;")
                .append("text-align:right}td:first-child,th:first-child{text-align:left}")
                .append(".bar{background:#eceff3;width:160px;height:10px;display:inline-block}")
                .append(".bar i{display:block;height:10px;background:#2e9d4f}</style></head><body>\n");
        b.append("<h1>").append(esc(alert.path("headline").asText(alert.path("event").asText("")))).append("</h1>\n");
        b.append("<p>").append(esc(alert.path("id").asText())).append(" · <b>").append(esc(p.state()))
                .append("</b> · ").append(esc(alert.path("status").asText())).append(' ')
                .append(esc(alert.path("msgType").asText())).append(" · ").append(esc(alert.path("severity").asText()))
                .append('/').append(esc(alert.path("urgency").asText())).append(" · ")
                .append(esc(alert.path("sender").asText())).append(" · sent ").append(esc(alert.path("sent").asText()))
                .append("</p>\n<table><tr><th>Channel</th><th>Planned</th><th>Delivered</th><th>Failed</th>")
                .append("<th>Expired</th><th>Cancelled</th><th>Unknown</th><th>Reached</th><th></th></tr>\n");
        p.channels().forEach((name, c) -> {
            double share = ReportCommand.share(c.delivered(), c.planned());
            b.append("<tr><td>").append(esc(name)).append("</td><td>").append(c.planned()).append("</td><td>")
                    .append(c.delivered()).append("</td><td>").append(c.failed()).append("</td><td>")
                    .append(c.expired()).append("</td><td>").append(c.cancelled()).append("</td><td>")
                    .append(c.unknown()).append("</td><td>").append(String.format(Locale.ROOT, "%.1f%%", share))
                    .append("</td><td><span class=\"bar\"><i style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", share)).append("%\"></i></span></td></tr>\n");
        });
        b.append("</table>\n<h2>Timeline</h2>\n<ol>\n");
        for (JsonNode t : alert.path("timeline")) {
            b.append("<li><time>").append(esc(t.path("at").asText(""))).append("</time> <b>")
                    .append(esc(t.path("event").asText(""))).append("</b> ").append(esc(t.path("detail").asText("")))
                    .append("</li>\n");
        }
        return b.append("</ol>\n</body></html>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
