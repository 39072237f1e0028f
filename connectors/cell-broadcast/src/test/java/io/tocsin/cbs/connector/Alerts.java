package io.tocsin.cbs.connector;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.cap.CapVersion;
import io.tocsin.cap.NamedValue;
import java.util.List;

/** CAP fixtures: Guangzhou's red typhoon warning in Chinese with an English second block. */
final class Alerts {
    static final String ZH_HEADLINE = "广州市气象台发布台风红色预警信号";
    static final String ZH_DESCRIPTION = "受台风影响，预计未来12小时内南沙区、番禺区、海珠区将出现12级以上大风和特大暴雨。";
    static final String ZH_INSTRUCTION = "请立即停止户外活动，远离海边和低洼地带，留在安全的室内，听从政府转移安排。";
    static final String EN_HEADLINE = "Red typhoon warning for Guangzhou";
    static final String EN_DESCRIPTION = "Winds of force 12 and above and torrential rain are expected in Nansha, Panyu and Haizhu within 12 hours.";
    static final String EN_INSTRUCTION = "Stop all outdoor activity now, keep away from the coast and low-lying areas, stay indoors and follow evacuation orders.";

    private Alerts() {
    }

    static Alert typhoon(String identifier, String status, String msgType, String references, String zhHeadline) {
        Area area = new Area("南沙区、番禺区、海珠区", List.of(), List.of(), List.of(
                new NamedValue("CPEAS Geographic Code", "440115000000"),
                new NamedValue("CPEAS Geographic Code", "440113000000"),
                new NamedValue("CPEAS Geographic Code", "440105000000")), null, null);
        AlertInfo zh = info("zh-CN", "台风", zhHeadline, ZH_DESCRIPTION, ZH_INSTRUCTION, area);
        AlertInfo en = info("en-US", "Typhoon", EN_HEADLINE, EN_DESCRIPTION, EN_INSTRUCTION, area);
        return new Alert(CapVersion.V1_2, identifier, "Guangzhou_Meteorological_Observatory", "2026-11-29T09:30:00+08:00",
                status, msgType, null, "Public", null, null, List.of(), null, references, null, List.of(zh, en));
    }

    static AlertInfo info(String lang, String event, String headline, String description, String instruction, Area area) {
        return new AlertInfo(lang, List.of("Met"), event, List.of("Shelter"), "Immediate", "Extreme", "Observed", null,
                List.of(new NamedValue("SAME", "HUW")), null, null, "2026-11-29T21:30:00+08:00", "广州市气象台",
                headline, description, instruction, null, null, List.of(new NamedValue("color", "red")), List.of(),
                List.of(area));
    }

    static Alert withInfoText(Alert a, String description) {
        AlertInfo i = a.infos().get(0);
        return a.withInfos(List.of(info(i.language(), i.event(), i.headline(), description, i.instruction(), i.areas().get(0))));
    }
}
