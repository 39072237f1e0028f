package io.tocsin.governance;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.cap.CapVersion;
import io.tocsin.cap.NamedValue;
import io.tocsin.targeting.AreaResolver;
import io.tocsin.targeting.Audience;
import io.tocsin.targeting.Recipient;
import io.tocsin.targeting.RecipientSink;
import io.tocsin.targeting.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test areas whose description says how many SMS recipients they hold ("n=60000"), in two regions taken in
 * turn ("440106" Tianhe, "440104" Yuexiu), msisdns starting at a per-size base. Alerts built here use them.
 * Thread-safe.
 */
final class SizedAreas implements AreaResolver {
    static final List<String> REGIONS = List.of("440106", "440104");
    /** Far enough ahead for tests on the system clock. */
    static final String EXPIRES = "2099-12-31T23:00:00+08:00";

    @Override
    public Resolution resolve(List<Area> areas, Audience audience, RecipientSink sink) {
        int n = Integer.parseInt(areas.get(0).areaDesc().substring(2));
        long base = 13_000_000_000L + n * 1_000_000L;
        List<Recipient> batch = new ArrayList<>(1000);
        for (int i = 0; i < n; i++) {
            batch.add(new Recipient(base + i, "cmcc", "zh-CN", REGIONS.get(i % 2)));
            if (batch.size() == 1000) {
                sink.accept(batch);
                batch = new ArrayList<>(1000);
            }
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
        return new Resolution(n, Map.of(), Map.of(), List.of(), List.of(), REGIONS, List.of(), n, List.of());
    }

    /** An alert of {@code n} recipients. */
    static Alert alert(String identifier, String status, String msgType, String references, String severity,
                       String urgency, int n) {
        Area area = new Area("n=" + n, List.of(), List.of(),
                List.of(new NamedValue("CPEAS Geographic Code", "440106000000")), null, null);
        AlertInfo info = new AlertInfo("zh-CN", List.of("Met"), "Typhoon", List.of("Shelter"), urgency, severity,
                "Observed", null, List.of(), null, null, EXPIRES, "Guangzhou Met",
                "台风预警 " + identifier, "description", "Stay indoors", null, null, List.of(), List.of(),
                List.of(area));
        return new Alert(CapVersion.V1_2, identifier, "gz-met@example.cn", "2026-11-29T10:00:00+08:00", status,
                msgType, null, "Public", null, null, List.of(), null, references, null, List.of(info));
    }

    static String ref(Alert a) {
        return a.sender() + "," + a.identifier() + "," + a.sent();
    }
}
