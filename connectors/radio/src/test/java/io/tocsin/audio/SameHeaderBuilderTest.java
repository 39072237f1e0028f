package io.tocsin.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.NamedValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SameHeaderBuilderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final SameSettings SAME = new SameSettings("GZMB/TOC", null, Map.of("山泥倾泻", "FFW"), null,
            Map.of("440106", "044106", "440104", "044104"), null, null);
    private final SameHeaderBuilder builder = new SameHeaderBuilder(SAME, CLOCK);

    @Test
    void headerCarriesEveryFieldInTheOrderOf47Cfr1131() {
        SameBuild b = builder.build(TestAlerts.typhoon("Actual"));

        assertThat(b.problems()).isEmpty();
        // sent 08:00 +08:00 = 00:00 UTC on 14 Sep 2026 = day 257; expires 6 h later
        assertThat(b.headers()).extracting(SameHeader::text)
                .containsExactly("ZCZC-WXR-HUW-044106-044104+0600-2570000-GZMB/TOC-");
    }

    @ParameterizedTest(name = "{0} min -> {1}")
    @CsvSource({"0,0015", "1,0015", "15,0015", "16,0030", "44,0045", "45,0045", "59,0100", "60,0100", "61,0130",
        "90,0130", "91,0200", "270,0430", "271,0500", "360,0600", "5970,9930", "100000,9930"})
    void purgeTimeRoundsUpIn15MinuteStepsToAnHourThen30(long minutes, String expected) {
        assertThat(PurgeTime.of(Duration.ofMinutes(minutes))).isEqualTo(expected);
    }

    @Test
    void purgeTimeRoundsUpPartMinutes() {
        assertThat(PurgeTime.of(Duration.ofMinutes(60).plusSeconds(1))).isEqualTo("0130");
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({"Met,台风,HUW", "Met,暴雨,FFW", "Met,Rainstorm,FFW", "Met,Flood,FLW", "Met,Flash flood,FFW",
        "Fire,森林火险,FRW", "Geo,Landslide,CEM", "Geo,地质灾害,CEM", "Met,山泥倾泻,FFW", "Met,High temperature,SPS",
        "Safety,Chemical leak,CEM"})
    void eventCodeComesFromConfiguredThenDefaultMapping(String category, String event, String code) {
        Alert a = alert("Actual", category, event, List.of(), List.of());
        assertThat(builder.build(a).headers().get(0).event()).isEqualTo(code);
    }

    @Test
    void sameEventCodeParameterAndStatusWin() {
        assertThat(builder.build(alert("Actual", "Met", "台风", List.of(new NamedValue("SAME", "HUA")), List.of()))
                .headers().get(0).event()).isEqualTo("HUA");
        assertThat(builder.build(alert("Exercise", "Met", "台风", List.of(), List.of())).headers().get(0).event())
                .isEqualTo("DMO");
        assertThat(builder.build(alert("Test", "Met", "台风", List.of(), List.of())).headers().get(0).event())
                .isEqualTo("RWT");
    }

    @Test
    void originatorFromEasOrgParameterElseWeatherForMetElseCivil() {
        AlertInfo withOrg = new AlertInfo("en", List.of("Met"), "Flood", null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, List.of(new NamedValue("EAS-ORG", "PEP")), null,
                TestAlerts.info("en", "Met", "x", null, "h", "i", List.of(), TestAlerts.sameCodes(1)).areas());
        assertThat(builder.build(TestAlerts.alert("O", "Actual", "Alert", "2026-01-01T00:00:00Z", List.of(withOrg)))
                .headers().get(0).originator()).isEqualTo("PEP");
        assertThat(builder.build(alert("Actual", "Met", "Flood", List.of(), List.of())).headers().get(0).originator())
                .isEqualTo("WXR");
        assertThat(builder.build(alert("Actual", "Safety", "Leak", List.of(), List.of())).headers().get(0).originator())
                .isEqualTo("CIV");
    }

    @Test
    void moreThan31LocationsSplitIntoSeveralHeadersOfAtMost31() {
        SameBuild b = builder.build(alert("Actual", "Met", "Flood", List.of(), TestAlerts.sameCodes(63)));

        assertThat(b.locationCount()).isEqualTo(63);
        assertThat(b.headers()).extracting(h -> h.locations().size()).containsExactly(31, 31, 1);
        assertThat(b.split()).isTrue();
    }

    @Test
    void unmappedGeocodesAreReportedAndNoLocationMeansNoHeader() {
        SameBuild b = builder.build(alert("Actual", "Met", "Flood", List.of(),
                List.of(new NamedValue("CPEAS Geographic Code", "999999000000"))));

        assertThat(b.ok()).isFalse();
        assertThat(b.problems()).anyMatch(p -> p.contains("999999000000")).anyMatch(p -> p.contains("no SAME location"));
    }

    @Test
    void fipsSixFiveDigitCodesGetTheWholeCountyPortion() {
        SameBuild b = builder.build(alert("Actual", "Met", "Flood", List.of(),
                List.of(new NamedValue("FIPS6", "06113"), new NamedValue("FIPS6", "006037"))));
        assertThat(b.headers().get(0).locations()).containsExactly("006113", "006037");
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> SameSettings.of("SHORT")).hasMessageContaining("same.station");
        assertThatThrownBy(() -> new SameSettings("GZMB/TOC", null, Map.of("x", "ZZZ"), null, null, null, null))
                .hasMessageContaining("same.eventCodes.x");
        assertThatThrownBy(() -> new AudioSettings(48_000, 8, null, null)).hasMessageContaining("sampleRate");
        assertThatThrownBy(() -> new AudioSettings(22_050, 7, null, null)).hasMessageContaining("attentionSeconds");
    }

    private static Alert alert(String status, String category, String event, List<NamedValue> codes,
                               List<NamedValue> geo) {
        List<NamedValue> g = geo.isEmpty() ? TestAlerts.sameCodes(1) : geo;
        return TestAlerts.alert("A", status, "Alert", "2026-01-01T00:00:00Z",
                List.of(TestAlerts.info("en-US", category, event, "2026-01-01T01:00:00Z", "h", "i", codes, g)));
    }
}
