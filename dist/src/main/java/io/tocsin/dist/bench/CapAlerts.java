package io.tocsin.dist.bench;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * CAP 1.2 alerts the scenarios push: warnings for districts (CPEAS geocodes) or small circles, and their
 * Update and Cancel, each with a fresh identifier, {@code sent} = now (Beijing time) and a 6 h expiry. Texts are
 * short Chinese (one UCS2 SMS segment). Stateless apart from a run tag and a counter; thread-safe.
 */
final class CapAlerts {
    static final String SENDER = "Guangzhou_Emergency_Bench";
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter CAP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    /** A pushed alert's CAP identity, for references. */
    record Ref(String identifier, String sent) {
        String reference() {
            return SENDER + "," + identifier + "," + sent;
        }
    }

    /** What to push and its identity. */
    record Cap(byte[] xml, Ref ref) {
    }

    private final String run;
    private final java.util.concurrent.atomic.AtomicLong serial = new java.util.concurrent.atomic.AtomicLong();

    CapAlerts() {
        this.run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase(Locale.ROOT);
    }

    private Ref next() {
        String sent = CAP.format(ZonedDateTime.now(BEIJING).truncatedTo(ChronoUnit.SECONDS));
        return new Ref("TOCSIN-BENCH-" + run + "-" + serial.incrementAndGet(), sent);
    }

    /** A red (Extreme, Immediate) warning for these districts (6-digit GB/T 2260 codes). */
    Cap districts(String event, List<String> codes, String headline) {
        StringBuilder area = new StringBuilder("<areaDesc>").append(esc(headline)).append("</areaDesc>");
        for (String code : codes) {
            area.append("<geocode><valueName>CPEAS Geographic Code</valueName><value>").append(code)
                    .append("000000</value></geocode>");
        }
        return build("Alert", event, headline, area.toString());
    }

    /** A warning for a circle ({@code lat,lon radius_km}). */
    Cap circle(String event, double lat, double lon, double radiusKm, String headline) {
        String area = String.format(Locale.ROOT, "<areaDesc>%s</areaDesc><circle>%.5f,%.5f %.3f</circle>",
                esc(headline), lat, lon, radiusKm);
        return build("Alert", event, headline, area);
    }

    /** An Update of {@code of} for the same districts with a new text. */
    Cap update(Ref of, String event, List<String> codes, String headline) {
        Cap c = districts(event, codes, headline);
        return rebuild(c, "Update", of);
    }

    /** A Cancel of {@code of}. */
    Cap cancel(Ref of, String event, List<String> codes) {
        Cap c = districts(event, codes, "解除" + event + "预警");
        return rebuild(c, "Cancel", of);
    }

    private Cap rebuild(Cap c, String msgType, Ref of) {
        String xml = new String(c.xml(), StandardCharsets.UTF_8)
                .replace("<msgType>Alert</msgType>", "<msgType>" + msgType + "</msgType>")
                .replace("<scope>Public</scope>", "<scope>Public</scope><references>" + of.reference() + "</references>");
        return new Cap(xml.getBytes(StandardCharsets.UTF_8), c.ref());
    }

    private Cap build(String msgType, String event, String headline, String areaXml) {
        Ref ref = next();
        String expires = CAP.format(ZonedDateTime.parse(ref.sent(), CAP).plusHours(6));
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
                + "<identifier>" + ref.identifier() + "</identifier><sender>" + SENDER + "</sender>"
                + "<sent>" + ref.sent() + "</sent><status>Actual</status><msgType>" + msgType + "</msgType>"
                + "<scope>Public</scope>"
                + "<info><language>zh-CN</language><category>Met</category><event>" + esc(event) + "</event>"
                + "<responseType>Shelter</responseType><urgency>Immediate</urgency><severity>Extreme</severity>"
                + "<certainty>Observed</certainty><expires>" + expires + "</expires>"
                + "<senderName>广州市应急管理局</senderName><headline>" + esc(headline) + "</headline>"
                + "<description>" + esc(event) + "红色预警，请注意防范。</description>"
                + "<instruction>请立即转移到安全地带，远离河道和低洼地区，听从指挥。</instruction>"
                + "<parameter><valueName>color</valueName><value>red</value></parameter>"
                + "<area>" + areaXml + "</area></info></alert>";
        return new Cap(xml.getBytes(StandardCharsets.UTF_8), ref);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
