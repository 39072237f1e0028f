package io.tocsin.pipeline.testing;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.cap.CapVersion;
import io.tocsin.cap.NamedValue;
import io.tocsin.pipeline.Submission;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Builds CAP alerts and submissions directly as records (no decoder needed). */
public final class TestAlerts {
    public static final String SENT = "2026-11-29T10:00:00+08:00";

    private TestAlerts() {
    }

    public static Alert alert(String identifier, String severity, String urgency, String expires) {
        return message(identifier, SENT, "Alert", null, severity, urgency, expires);
    }

    public static Alert message(String identifier, String sent, String msgType, String references, String severity,
                                String urgency, String expires) {
        Area area = new Area("Tianhe", List.of(), List.of(),
                List.of(new NamedValue("CPEAS Geographic Code", "440106000000")), null, null);
        AlertInfo zh = info("zh-CN", "台风红色预警", severity, urgency, expires, area);
        AlertInfo en = info("en-US", "Typhoon red warning", severity, urgency, expires, area);
        return new Alert(CapVersion.V1_2, identifier, "gz-met@example.cn", sent, "Actual", msgType, null, "Public",
                null, null, List.of(), null, references, null, List.of(zh, en));
    }

    private static AlertInfo info(String language, String headline, String severity, String urgency,
                                  String expires, Area area) {
        return new AlertInfo(language, List.of("Met"), "Typhoon", List.of("Shelter"), urgency, severity, "Observed",
                null, List.of(), null, null, expires, "Guangzhou Met", headline, headline + " description",
                "Stay indoors", null, null, List.of(), List.of(), List.of(area));
    }

    /** A reference to an alert, in CAP's {@code sender,identifier,sent} form. */
    public static String ref(Alert a) {
        return a.sender() + "," + a.identifier() + "," + a.sent();
    }

    public static Submission submission(Alert a) {
        return submission(a, "gz-met", false, null);
    }

    public static Submission submission(Alert a, String publisher, boolean needsApproval, Instant receivedAt) {
        return new Submission(a, ("<alert>" + a.identifier() + "</alert>").getBytes(StandardCharsets.UTF_8),
                "application/cap+xml", publisher, needsApproval, receivedAt);
    }
}
