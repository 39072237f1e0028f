package io.tocsin.drill;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.cap.CapDateTime;
import io.tocsin.cap.CapVersion;
import io.tocsin.cap.NamedValue;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the CAP message a drill injects from its template: always {@code status=Exercise} (whatever the
 * template says — an exercise reaches only exercise groups and test identifiers on every channel, so a drill can
 * never reach the public), a fresh identifier, {@code sent} = now, every info's {@code expires} moved by the
 * same amount, and a note naming the drill. Stateless and thread-safe.
 */
final class DrillAlert {
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private DrillAlert() {
    }

    static Alert at(Alert template, String drillId, String drillName, Instant now) {
        OffsetDateTime sent = now.atOffset(ZoneOffset.ofHours(8)).withNano(0);
        OffsetDateTime templateSent = template.sentTime();
        List<AlertInfo> infos = new ArrayList<>();
        for (AlertInfo i : template.infos()) {
            OffsetDateTime expires = i.expiresTime();
            Duration life = expires != null && templateSent != null && expires.isAfter(templateSent)
                    ? Duration.between(templateSent, expires) : DEFAULT_LIFETIME;
            infos.add(new AlertInfo(i.language(), i.categories(), i.event(), i.responseTypes(), i.urgency(),
                    i.severity(), i.certainty(), i.audience(), i.eventCodes(), null, null,
                    CapDateTime.format(sent.plus(life)), i.senderName(), i.headline(), i.description(),
                    i.instruction(), i.web(), i.contact(), i.parameters(), i.resources(), i.areas()));
        }
        return new Alert(template.version(), "DRILL-" + drillId, template.sender(), CapDateTime.format(sent),
                "Exercise", "Alert", template.source(), "Public", null, null, template.codes(),
                "double-blind drill '" + drillName + "' injected by Tocsin", null, null, infos);
    }

    /** The template used when none is given: a Severe typhoon exercise for Guangzhou (GB/T 2260 440100). */
    static Alert builtIn() {
        Area area = new Area("广州市 Guangzhou (drill)", List.of(), List.of(),
                List.of(new NamedValue("CPEAS Geographic Code", "440100000000")), null, null);
        AlertInfo zh = new AlertInfo("zh-CN", List.of("Met"), "台风", List.of("Prepare"), "Expected", "Severe",
                "Likely", null, List.of(), null, null, null, "Tocsin drill", "【演习】台风橙色预警",
                "演习信息，非真实预警。", "演习：请按预案处置。", null, null, List.of(), List.of(), List.of(area));
        return new Alert(CapVersion.V1_2, "drill-template", "drill@tocsin.local", "2026-01-01T00:00:00+08:00",
                "Exercise", "Alert", null, "Public", null, null, List.of(), null, null, null, List.of(zh));
    }
}
