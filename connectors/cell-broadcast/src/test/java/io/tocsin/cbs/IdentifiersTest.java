package io.tocsin.cbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.CapVersion;
import io.tocsin.cap.NamedValue;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    static Alert alert(String status, String severity, String urgency, String certainty, List<NamedValue> eventCodes) {
        AlertInfo info = new AlertInfo("en-US", List.of("Met"), "Typhoon", List.of(), urgency, severity, certainty,
                null, eventCodes, null, null, null, null, "h", "d", "i", null, null, List.of(), List.of(), List.of());
        return new Alert(CapVersion.V1_2, "id", "sender", "2026-11-29T09:30:00+08:00",
                status, "Alert", null, "Public", null, null, List.of(), null, null, null, List.of(info));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} → {4}")
    @CsvSource({
        "Actual,Extreme,Immediate,Observed,4371", "Actual,Extreme,Immediate,Likely,4372",
        "Actual,Extreme,Expected,Observed,4373", "Actual,Extreme,Expected,Possible,4374",
        "Actual,Severe,Immediate,Observed,4375", "Actual,Severe,Immediate,Likely,4376",
        "Actual,Severe,Future,Observed,4377", "Actual,Severe,Expected,Likely,4378",
        "Actual,Moderate,Immediate,Observed,4396", "Actual,Minor,Expected,Likely,4396",
        "Test,Extreme,Immediate,Observed,4380", "Exercise,Extreme,Immediate,Observed,4381",
        "System,Extreme,Immediate,Observed,-1", "Draft,Extreme,Immediate,Observed,-1"})
    void mapsCapClassToMessageIdentifier(String status, String severity, String urgency, String certainty, int id) {
        Alert a = alert(status, severity, urgency, certainty, List.of());
        assertThat(MessageIdentifier.primary(a, a.infos().get(0))).isEqualTo(id);
    }

    @Test
    void sameEventCodesSelectPresidentialAndAmber() {
        Alert ean = alert("Actual", "Extreme", "Immediate", "Observed", List.of(new NamedValue("SAME", "EAN")));
        Alert cae = alert("Actual", "Severe", "Immediate", "Observed", List.of(new NamedValue("SAME", "CAE")));
        assertThat(MessageIdentifier.primary(ean, ean.infos().get(0))).isEqualTo(4370);
        assertThat(MessageIdentifier.primary(cae, cae.infos().get(0))).isEqualTo(4379);
    }

    @Test
    void testAndExerciseNeverGetAPublicIdentifierInAnyLanguage() {
        for (String status : List.of("Test", "Exercise")) {
            Alert a = alert(status, "Extreme", "Immediate", "Observed", List.of(new NamedValue("SAME", "EAN")));
            int primary = MessageIdentifier.primary(a, a.infos().get(0));
            assertThat(MessageIdentifier.isPublicWarning(primary)).isFalse();
            assertThat(MessageIdentifier.isPublicWarning(MessageIdentifier.additionalLanguage(primary))).isFalse();
        }
    }

    @Test
    void additionalLanguageIsThirteenAbove() {
        assertThat(MessageIdentifier.additionalLanguage(4370)).isEqualTo(4383);
        assertThat(MessageIdentifier.additionalLanguage(4371)).isEqualTo(4384);
        assertThat(MessageIdentifier.additionalLanguage(4380)).isEqualTo(4393);
        assertThat(MessageIdentifier.additionalLanguage(4396)).isEqualTo(4397);
        assertThatThrownBy(() -> MessageIdentifier.additionalLanguage(4383)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serialNumberPacksScopeCodeAndUpdate() {
        assertThat(new SerialNumber(GeoScope.PLMN_WIDE, 1, 0).encoded()).isEqualTo(16400);
        assertThat(new SerialNumber(GeoScope.CELL_WIDE, 1023, 15).encoded()).isEqualTo(0xFFFF);
        assertThat(new SerialNumber(GeoScope.CELL_WIDE_IMMEDIATE, 0, 0).encoded()).isZero();
        SerialNumber s = new SerialNumber(GeoScope.CELL_WIDE, 517, 3);
        assertThat(SerialNumber.decode(s.encoded())).isEqualTo(s);
        assertThat(s.nextUpdate().updateNumber()).isEqualTo(4);
        assertThat(new SerialNumber(GeoScope.CELL_WIDE, 517, 15).nextUpdate().updateNumber()).isZero();
        assertThat(SerialNumber.messageCodeFor("alert-1")).isEqualTo(SerialNumber.messageCodeFor("alert-1")).isBetween(0, 1023);
    }
}
