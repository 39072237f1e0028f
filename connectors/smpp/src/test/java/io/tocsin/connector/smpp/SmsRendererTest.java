package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Alert;
import io.tocsin.connector.Rendering;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsRendererTest {

    private final SmsRenderer renderer = new SmsRenderer("zh-CN");
    private final Alert alert = TestAlerts.typhoon();

    @Test
    void subscriberGetsTheInfoInItsLanguageMatchingPrimarySubtags() {
        assertThat(renderer.text(alert, "en-GB")).startsWith(TestAlerts.EN_HEADLINE + ": ");
        assertThat(renderer.text(alert, "zh-HK")).startsWith(TestAlerts.ZH_HEADLINE + "：");
    }

    @Test
    void unknownLanguageFallsBackToChineseThenToTheFirstInfo() {
        assertThat(renderer.text(alert, "fr")).startsWith(TestAlerts.ZH_HEADLINE);
        Alert englishOnly = alert.withInfos(List.of(alert.infos().get(1)));
        assertThat(renderer.text(englishOnly, "fr")).startsWith(TestAlerts.EN_HEADLINE);
        assertThat(renderer.text(englishOnly, null)).startsWith(TestAlerts.EN_HEADLINE);
    }

    @Test
    void descriptionStandsInWhenThereIsNoInstruction() {
        Alert a = alert.withInfos(List.of(TestAlerts.info("en", "Flood", null, "River rising fast")));
        assertThat(renderer.text(a, "en")).isEqualTo("Flood: River rising fast");
    }

    @Test
    void renderListsEveryLanguageWithItsSegmentCountAgainstTheBudget() throws Exception {
        SmppSettings settings = SmppSettingsReader.read(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"max_segments\":2,\"binds\":[{\"port\":2775,\"system_id\":\"x\"}]}"), "cmcc");
        try (SmppConnector connector = new SmppConnector("sms", settings, r -> true, Clock.systemUTC())) {
            List<Rendering> renderings = connector.render(alert);
            assertThat(renderings).extracting(Rendering::language).containsExactly("zh-CN", "en-US");
            Rendering zh = renderings.get(0);
            assertThat(zh.units()).isEqualTo(SmsSegmenter.plan(zh.text()).segments());
            assertThat(zh.budget()).isEqualTo(2);
            assertThat(zh.detail()).startsWith("UCS2");
            Rendering en = renderings.get(1);
            assertThat(en.detail()).startsWith("GSM-7");
            assertThat(en.units()).isEqualTo(2);
        }
    }

    @Test
    void aDispatchOverTheSegmentBudgetIsRejectedNotCut() throws Exception {
        SmppSettings settings = SmppSettingsReader.read(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"max_segments\":1,\"binds\":[{\"port\":2775,\"system_id\":\"x\"}]}"), "cmcc");
        try (SmppConnector connector = new SmppConnector("sms", settings, r -> true, Clock.systemUTC())) {
            assertThat(connector.offer(TestAlerts.dispatch(1, alert, "8613800000001", "cmcc", "zh-CN", null)))
                    .isEqualTo(io.tocsin.connector.SendResult.REJECTED);
            assertThat(connector.render(alert).get(0).fits()).isFalse();
        }
    }
}
