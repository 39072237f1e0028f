package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmsSegmenterTest {

    @Test
    void gsm7TextOf160SeptetsIsOneMessageAnd161IsTwoSegmentsOf153() {
        assertThat(SmsSegmenter.plan("a".repeat(160)).segments()).isEqualTo(1);
        SegmentPlan two = SmsSegmenter.plan("a".repeat(161));
        assertThat(two.segments()).isEqualTo(2);
        assertThat(two.parts().get(0)).hasSize(153);
        assertThat(two.encoding()).isEqualTo(SmsEncoding.GSM7);
    }

    @Test
    void ucs2TextOf70CharactersIsOneMessageAnd71IsTwoSegmentsOf67() {
        assertThat(SmsSegmenter.plan("台".repeat(70)).segments()).isEqualTo(1);
        SegmentPlan two = SmsSegmenter.plan("台".repeat(71));
        assertThat(two.segments()).isEqualTo(2);
        assertThat(two.parts().get(0)).hasSize(67);
        assertThat(two.payloads().get(0)).hasSize(134);
        assertThat(two.encoding()).isEqualTo(SmsEncoding.UCS2);
    }

    @Test
    void extensionCharactersCountTwoSeptetsAndAreNeverSplitAcrossSegments() {
        assertThat(SmsSegmenter.plan("€".repeat(80)).segments()).isEqualTo(1);
        assertThat(SmsSegmenter.plan("€".repeat(81)).segments()).isEqualTo(2);
        SegmentPlan plan = SmsSegmenter.plan("a" + "€".repeat(100));
        // 153 septets: "a" + 76 euros = 153, so the first segment ends cleanly on an escape pair
        assertThat(plan.parts().get(0)).isEqualTo("a" + "€".repeat(76));
        for (byte[] payload : plan.payloads()) {
            assertThat(payload[payload.length - 1]).isNotEqualTo((byte) Gsm7.ESC);
        }
    }

    @Test
    void oneChineseCharacterMakesTheWholeTextUcs2() {
        assertThat(SmsSegmenter.plan("Typhoon warning 台风").encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(SmsSegmenter.plan("Typhoon warning {all} [sites] ~ €5 ^ | \\").encoding())
                .isEqualTo(SmsEncoding.GSM7);
    }

    @Test
    void surrogatePairsAreNeverSplit() {
        String text = "台".repeat(66) + "😀" + "台".repeat(10);
        SegmentPlan plan = SmsSegmenter.plan(text);
        assertThat(plan.parts().get(0)).isEqualTo("台".repeat(66));
        assertThat(String.join("", plan.parts())).isEqualTo(text);
    }

    @Test
    void randomTextsAlwaysReassembleExactlyAndEachSegmentFitsItsBudget() {
        Random random = new Random(7);
        String alphabet = "abcXYZ 019@£$èΔ_Ω€[]{}~^|\\\n台风红色预警😀";
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(600);
            for (int i = 0; i < length; i++) {
                int k = random.nextInt(alphabet.length());
                char c = alphabet.charAt(k);
                if (Character.isSurrogate(c)) {
                    sb.append("😀");
                } else {
                    sb.append(c);
                }
            }
            String text = sb.toString();
            SegmentPlan plan = SmsSegmenter.plan(text);
            assertThat(String.join("", plan.parts())).isEqualTo(text);
            int budget = plan.segments() == 1 ? plan.encoding().single() : plan.encoding().perSegment();
            for (int s = 0; s < plan.segments(); s++) {
                byte[] payload = plan.payloads().get(s);
                String decoded = plan.encoding() == SmsEncoding.GSM7
                        ? Gsm7.decode(payload, 0, payload.length)
                        : new String(payload, StandardCharsets.UTF_16BE);
                assertThat(decoded).isEqualTo(plan.parts().get(s));
                int units = plan.encoding() == SmsEncoding.GSM7 ? payload.length : payload.length / 2;
                assertThat(units).isLessThanOrEqualTo(budget);
            }
        }
    }

    @Test
    void emptyTextIsOneEmptySegment() {
        assertThat(SmsSegmenter.plan("").segments()).isEqualTo(1);
    }
}
