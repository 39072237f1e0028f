package io.tocsin.audio;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.cap.CapVersion;
import io.tocsin.cap.NamedValue;
import java.util.ArrayList;
import java.util.List;

/** Alert fixtures for audio, radio and TV tests. */
public final class TestAlerts {

    private TestAlerts() {
    }

    public static AlertInfo info(String language, String category, String event, String expires, String headline,
                                 String instruction, List<NamedValue> eventCodes, List<NamedValue> geocodes) {
        Area area = new Area("area", List.of(), List.of(), geocodes, null, null);
        return new AlertInfo(language, List.of(category), event, List.of("Shelter"), "Immediate", "Extreme",
                "Observed", null, eventCodes, null, null, expires, "广州市气象台", headline, null, instruction,
                null, null, List.of(), List.of(), List.of(area));
    }

    public static Alert alert(String id, String status, String msgType, String sent, List<AlertInfo> infos) {
        return new Alert(CapVersion.V1_2, id, "gz@tocsin.test", sent, status, msgType, null, "Public", null, null,
                List.of(), null, null, null, infos);
    }

    /** A red typhoon warning for Tianhe and Yuexiu in Chinese and English, valid 6 h. */
    public static Alert typhoon(String status) {
        List<NamedValue> geo = List.of(new NamedValue("CPEAS Geographic Code", "440106000000"),
                new NamedValue("CPEAS Geographic Code", "440104000000"));
        return alert("T-1", status, "Alert", "2026-09-14T08:00:00+08:00", List.of(
                info("zh-CN", "Met", "台风", "2026-09-14T14:00:00+08:00", "广州市台风红色预警",
                        "请留在室内，远离门窗。", List.of(), geo),
                info("en-US", "Met", "Typhoon", "2026-09-14T14:00:00+08:00", "Red typhoon warning for Guangzhou",
                        "Stay indoors and away from windows.", List.of(), geo)));
    }

    /** n SAME location codes 0SS001.. for the geocode list. */
    public static List<NamedValue> sameCodes(int n) {
        List<NamedValue> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new NamedValue("SAME", String.format("0%02d%03d", 1 + i / 100, i % 1000)));
        }
        return out;
    }
}
