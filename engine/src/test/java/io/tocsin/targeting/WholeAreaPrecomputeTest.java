package io.tocsin.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Area;
import io.tocsin.cap.NamedValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A district's whole-area part (its cells per carrier, transmitters, stations, region and SAME codes) is found
 * once and then looked up: ahead of time for single regions, on first use for combinations — and what is looked
 * up is exactly what the geometry walk finds. Areas with polygons or circles are always walked.
 */
class WholeAreaPrecomputeTest {

    private static DirectoryAreaResolver fresh() {
        Targeting t = TestWorld.demo();
        return new DirectoryAreaResolver(t.geography(), t.directory(), t.sites(), t.options());
    }

    private static Area district(String desc, String... codes) {
        List<NamedValue> geocodes = java.util.Arrays.stream(codes)
                .map(c -> new NamedValue("CPEAS Geographic Code", c)).toList();
        return new Area(desc, List.of(), List.of(), geocodes, null, null);
    }

    private static void assertSameWholeArea(Resolution actual, Resolution expected) {
        assertThat(actual.cellsByCarrier()).isEqualTo(expected.cellsByCarrier());
        assertThat(List.copyOf(actual.cellsByCarrier().keySet()))
                .isEqualTo(List.copyOf(expected.cellsByCarrier().keySet()));
        assertThat(actual.transmitters()).isEqualTo(expected.transmitters());
        assertThat(actual.stations()).isEqualTo(expected.stations());
        assertThat(actual.regionCodes()).isEqualTo(expected.regionCodes());
        assertThat(actual.sameCodes()).isEqualTo(expected.sameCodes());
        assertThat(actual.reasons()).isEqualTo(expected.reasons());
    }

    @Test
    void aDistrictsPartIsAtHandOnlyAfterItWasFoundAndEqualsTheWalk() {
        DirectoryAreaResolver resolver = fresh();
        List<Area> tianhe = List.of(district("天河区暴雨红色预警", "440106000000"));
        assertThat(resolver.precomputedAreas(tianhe, Audience.PUBLIC)).isNull();

        int added = resolver.precomputeRegions(Integer.MAX_VALUE);

        assertThat(added).isEqualTo(TestWorld.demo().geography().regions().size());
        Resolution looked = resolver.precomputedAreas(tianhe, Audience.PUBLIC);
        assertThat(looked).isNotNull();
        assertThat(looked.cellsByCarrier()).isNotEmpty();
        assertThat(looked.recipients()).isEqualTo(-1);
        assertSameWholeArea(looked, fresh().resolveAreas(tianhe, Audience.PUBLIC));
        // The full resolution (with recipients) gives the same whole-area part through the cache.
        assertSameWholeArea(resolver.resolve(tianhe, Audience.PUBLIC, batch -> { }),
                fresh().resolve(tianhe, Audience.PUBLIC, batch -> { }));
    }

    @Test
    void anyFormOfTheSameGeocodeFindsThePart() {
        DirectoryAreaResolver resolver = fresh();
        resolver.precomputeRegions(Integer.MAX_VALUE);

        Resolution sixDigits = resolver.precomputedAreas(List.of(district("Tianhe", "440106")), Audience.PUBLIC);

        assertThat(sixDigits).isNotNull();
        assertSameWholeArea(sixDigits, fresh().resolveAreas(List.of(district("x", "440106")), Audience.PUBLIC));
    }

    @Test
    void aCombinationIsFoundOnFirstUseAndKeepsEachCallsOwnReasons() {
        DirectoryAreaResolver resolver = fresh();
        List<Area> two = List.of(district("a", "440106000000"), district("b", "440104000000"));
        assertThat(resolver.precomputedAreas(two, Audience.PUBLIC)).isNull();

        Resolution walked = resolver.resolveAreas(two, Audience.PUBLIC);
        Resolution looked = resolver.precomputedAreas(
                List.of(district("other text", "440106"), district("b", "440104", "440199000000")), Audience.PUBLIC);

        assertThat(looked).isNotNull();
        assertThat(looked.cellsByCarrier()).isEqualTo(walked.cellsByCarrier());
        assertThat(looked.regionCodes()).isEqualTo(walked.regionCodes());
        // The unknown code is this call's own located error, not a remembered one.
        assertThat(walked.hasErrors()).isFalse();
        assertThat(looked.hasErrors()).isTrue();
        assertThat(looked.reasons()).extracting(io.tocsin.cap.Reason::path).contains("/alert/info[0]/area[1]/geocode[1]");
    }

    @Test
    void polygonsAndCirclesAreNeverLookedUp() {
        DirectoryAreaResolver resolver = fresh();
        resolver.precomputeRegions(Integer.MAX_VALUE);
        Area circle = new Area("circle", List.of(), List.of("23.13,113.33 3"), List.of(), null, null);
        Area polygon = new Area("poly", List.of("23.10,113.30 23.10,113.36 23.16,113.36 23.16,113.30 23.10,113.30"),
                List.of(), List.of(new NamedValue("CPEAS Geographic Code", "440106000000")), null, null);

        assertThat(resolver.precomputedAreas(List.of(circle), Audience.PUBLIC)).isNull();
        assertThat(resolver.precomputedAreas(List.of(polygon), Audience.PUBLIC)).isNull();
        assertSameWholeArea(resolver.resolveAreas(List.of(circle), Audience.PUBLIC),
                fresh().resolveAreas(List.of(circle), Audience.PUBLIC));
        assertThat(resolver.precomputedParts()).isEqualTo(TestWorld.demo().geography().regions().size());
    }
}
