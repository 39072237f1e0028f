package io.tocsin.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Area;
import io.tocsin.cap.NamedValue;
import io.tocsin.cap.Reason;
import io.tocsin.targeting.geo.GeocodeMatch;
import io.tocsin.targeting.geo.Geocodes;
import io.tocsin.targeting.geo.Region;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeocodeResolutionTest {
    private final Geocodes geocodes = TestWorld.demo().geography().geocodes();

    private List<String> codes(String valueName, String value) {
        return geocodes.resolve(new NamedValue(valueName, value), "/g").regions().stream().map(Region::code).toList();
    }

    @Test
    void twelveDigitCpeasCodeResolvesToTianhe() {
        assertThat(codes("CPEAS Geographic Code", "440106000000")).containsExactly("440106");
        assertThat(geocodes.resolve(new NamedValue("CPEAS Geographic Code", "440106000000"), "/g").regions().get(0).nameEn())
                .isEqualTo("Tianhe");
    }

    @Test
    void sixAndNineDigitFormsAndOtherValueNamesMatchToo() {
        assertThat(codes("GB2260", "440106")).containsExactly("440106");
        assertThat(codes("ADCODE", "440106000")).containsExactly("440106");
    }

    @Test
    void cityCodeMatchesEveryDistrictByPrefix() {
        assertThat(codes("CPEAS Geographic Code", "440100000000")).hasSize(11).allMatch(c -> c.startsWith("4401"));
        assertThat(codes("CPEAS Geographic Code", "440000000000")).hasSize(11);
    }

    @Test
    void townLevelCodeTargetsItsDistrictWithAWarning() {
        GeocodeMatch m = geocodes.resolve(new NamedValue("CPEAS Geographic Code", "440106005000"), "/g");
        assertThat(m.regions()).extracting(Region::code).containsExactly("440106");
        assertThat(m.reasons()).extracting(Reason::code).containsExactly("GEO_COARSENED");
    }

    @Test
    void anAreaRepeatingRegionsAlreadyNamedIsNotEmpty() {
        // The same districts in a second language's info block reach the resolver as a second area.
        NamedValue tianhe = new NamedValue("CPEAS Geographic Code", "440106000000");
        List<Area> areas = List.of(new Area("天河区", null, null, List.of(tianhe), null, null),
                new Area("Tianhe district", null, null, List.of(tianhe), null, null));
        List<Recipient> got = new ArrayList<>();
        Resolution r = TestWorld.demo().resolver().resolve(0, areas, Audience.PUBLIC, got::addAll);
        assertThat(r.reasons()).extracting(Reason::code).doesNotContain("GEO_EMPTY_AREA");
        assertThat(r.hasErrors()).isFalse();
        assertThat(got).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void unknownCodeIsALocatedErrorNotAnEmptyTarget() {
        List<Area> areas = List.of(new Area("nowhere", null, null,
                List.of(new NamedValue("CPEAS Geographic Code", "440199000000")), null, null));
        List<Recipient> got = new ArrayList<>();
        Resolution r = TestWorld.demo().resolver().resolve(1, areas, Audience.PUBLIC, got::addAll);
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("GEO_UNKNOWN_CODE");
            assertThat(reason.path()).isEqualTo("/alert/info[1]/area[0]/geocode[0]");
            assertThat(reason.isError()).isTrue();
        });
        assertThat(got).isEmpty();
    }

    @Test
    void malformedCodeIsAnError() {
        GeocodeMatch m = geocodes.resolve(new NamedValue("CPEAS Geographic Code", "44O106"), "/g");
        assertThat(m.regions()).isEmpty();
        assertThat(m.reasons()).extracting(Reason::code).containsExactly("GEO_MALFORMED_CODE");
    }

    @Test
    void sameFips6AndUgcGoThroughTheAliasTable() {
        assertThat(codes("SAME", "044106")).containsExactly("440106");
        assertThat(codes("FIPS6", "44106")).containsExactly("440106");
        assertThat(codes("UGC", "GDC106")).containsExactly("440106");
        assertThat(geocodes.resolve(new NamedValue("SAME", "048453"), "/g").reasons())
                .extracting(Reason::code).containsExactly("GEO_UNKNOWN_CODE");
    }

    @Test
    void unsupportedSchemeIsOnlyAWarningBesideAPolygon() {
        List<Area> areas = List.of(new Area("x", List.of("23.10,113.30 23.10,113.35 23.15,113.35 23.10,113.30"), null,
                List.of(new NamedValue("EMMA_ID", "CN001")), null, null));
        Resolution r = TestWorld.demo().resolver().resolve(areas, Audience.PUBLIC, b -> { });
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.reasons()).extracting(Reason::code).contains("GEO_UNSUPPORTED_SCHEME");
        assertThat(r.recipients()).isPositive();
    }

    @Test
    void geocodedDistrictReportsItsSameCode() {
        List<Area> areas = List.of(new Area("Tianhe", null, null,
                List.of(new NamedValue("CPEAS Geographic Code", "440106000000")), null, null));
        Resolution r = TestWorld.demo().resolver().resolve(areas, Audience.PUBLIC, b -> { });
        assertThat(r.regionCodes()).containsExactly("440106");
        assertThat(r.sameCodes()).containsExactly("044106");
        assertThat(r.population()).isBetween(2_100_000L, 2_400_000L);
    }
}
