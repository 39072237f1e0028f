package io.tocsin.connector.smpp;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.CapVersion;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.Target;
import java.time.Instant;
import java.util.List;

/** Alerts for tests: a Guangzhou typhoon warning in Chinese and English. */
final class TestAlerts {

    static final String ZH_HEADLINE = "广州市气象台发布台风红色预警信号";
    static final String ZH_INSTRUCTION = "受台风“山竹”影响，预计未来12小时内本市将出现12级以上大风和特大暴雨。"
            + "请立即停止户外作业和集会，转移危险地带人员，远离临时搭建物、广告牌和大树，非必要不外出。";
    static final String EN_HEADLINE = "Guangzhou Typhoon Red Warning";
    static final String EN_INSTRUCTION = "Typhoon Mangkhut: winds above force 12 and torrential rain expected within"
            + " 12 hours. Stop outdoor work [all sites], move away from billboards & trees, stay indoors; "
            + "hotline {12379} ~ updates every 30 min. Fines up to 500€ for ignoring evacuation orders.";

    private TestAlerts() {
    }

    static AlertInfo info(String language, String headline, String instruction, String description) {
        return new AlertInfo(language, List.of("Met"), "Typhoon", List.of("Shelter"), "Immediate", "Extreme",
                "Observed", null, List.of(), null, null, null, "广州市气象台", headline, description, instruction,
                null, null, List.of(), List.of(), List.of());
    }

    static Alert typhoon() {
        return new Alert(CapVersion.V1_2,
                "44010041600000000000000_20261129091500_1", "gz-met@example.cn", "2026-11-29T09:15:00+08:00",
                "Actual", "Alert", null, "Public", null, null, List.of(), null, null, null,
                List.of(info("zh-CN", ZH_HEADLINE, ZH_INSTRUCTION, null),
                        info("en-US", EN_HEADLINE, EN_INSTRUCTION, null)));
    }

    static Dispatch dispatch(long id, Alert alert, String msisdn, String carrier, String language, Instant expires) {
        return new Dispatch(id, alert.identifier(), DispatchAction.SEND, alert,
                Target.subscriber(msisdn, carrier, language), expires, 0, null);
    }
}
