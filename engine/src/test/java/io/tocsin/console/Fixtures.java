package io.tocsin.console;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.cap.CapVersion;
import io.tocsin.cap.NamedValue;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.ledger.TimelineEntry;
import io.tocsin.pipeline.Submission;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small builders of ledger snapshots and CAP submissions for console tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-11-29T01:30:00Z");

    private Fixtures() {
    }

    static AlertView view(String id, String status, AlertState state, long planned, long delivered, Instant expires) {
        return new AlertView(id, "gz-met", "ID-" + id, "2026-11-29T09:30:00+08:00", status, "Alert", "台风",
                "台风红色预警 " + id, "Extreme", "Immediate", "gz-met", state, T0, expires,
                Map.of("SMS", new ChannelCounters(planned, planned, planned, delivered, 0, 0, 0, 0)),
                List.of(new TimelineEntry(T0, "ACCEPTED", "journaled")));
    }

    static String capXml(String identifier, String status, String scope) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
                + "<identifier>" + identifier + "</identifier><sender>gz-met</sender>"
                + "<sent>2026-11-29T09:30:00+08:00</sent><status>" + status + "</status><msgType>Alert</msgType>"
                + "<scope>" + scope + "</scope><info><language>zh-CN</language><category>Met</category>"
                + "<event>台风</event><urgency>Immediate</urgency><severity>Extreme</severity>"
                + "<certainty>Observed</certainty><headline>台风红色预警 &amp; 停课</headline>"
                + "<description>12级大风</description><area><areaDesc>天河区</areaDesc><geocode>"
                + "<valueName>CPEAS Geographic Code</valueName><value>440106000000</value></geocode></area></info>"
                + "</alert>";
    }

    static Submission submission(String identifier, String status, String scope) {
        AlertInfo info = new AlertInfo("zh-CN", List.of("Met"), "台风", List.of(), "Immediate", "Extreme", "Observed",
                null, List.of(), null, null, null, "广州市气象台", "台风红色预警 & 停课", "12级大风", null, null, null,
                List.of(new NamedValue("color", "red")), List.of(),
                List.of(new Area("天河区", List.of(), List.of(),
                        List.of(new NamedValue("CPEAS Geographic Code", "440106000000")), null, null)));
        AlertInfo en = new AlertInfo("en-US", List.of("Met"), "Typhoon", List.of(), "Immediate", "Extreme",
                "Observed", null, List.of(), null, null, null, "GZ Met", "Red typhoon warning", "Force 12", null,
                null, null, List.of(), List.of(), List.of());
        Alert alert = new Alert(CapVersion.V1_2, identifier, "gz-met",
                "2026-11-29T09:30:00+08:00", status, "Alert", null, scope, null, null, List.of(), null, null, null,
                List.of(info, en));
        return new Submission(alert, capXml(identifier, status, scope).getBytes(StandardCharsets.UTF_8),
                "application/cap+xml", "gz-met", false, T0);
    }
}
