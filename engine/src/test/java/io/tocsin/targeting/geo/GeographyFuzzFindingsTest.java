package io.tocsin.targeting.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What fuzzing the GeoJSON loader found, one behaviour per test: unusable geometry is refused with a located
 * {@link IOException} instead of being accepted (empty) or failing with a runtime exception. The raw
 * reproducer stays in {@code GeographyFuzzTestInputs/geojson/crash-*} and is replayed by
 * {@link GeographyFuzzTest}.
 */
class GeographyFuzzFindingsTest {

    private static RegionSet load(String json) throws IOException {
        return GeoJsonRegions.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String feature(String code, String geometry) {
        return "{\"type\":\"Feature\",\"id\":\"" + code + "\",\"properties\":{},\"geometry\":" + geometry + "}";
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[113.3,23.1],[113.4,23.1],"
            + "[113.4,23.2],[113.3,23.2],[113.3,23.1]]]}";

    @Test
    void aFeatureWhoseGeometryEnclosesNoAreaIsRefusedNotLoadedEmpty() throws IOException {
        byte[] crash;
        try (InputStream in = getClass().getResourceAsStream(
                "GeographyFuzzTestInputs/geojson/crash-e95e4f8817bcb55ed9ef61e1793806cb9d3b02e9")) {
            assertThat(in).isNotNull();
            crash = in.readAllBytes();
        }
        assertThatThrownBy(() -> GeoJsonRegions.load(new ByteArrayInputStream(crash)))
                .isInstanceOf(IOException.class).hasMessageContaining("features[1]");
        String flat = "{\"type\":\"Polygon\",\"coordinates\":[[[113.3,23.1],[113.4,23.1],[113.5,23.1],[113.3,23.1]]]}";
        assertThatThrownBy(() -> load(collection(feature("440106", flat))))
                .isInstanceOf(IOException.class).hasMessage("features[0] (440106): geometry encloses no area");
    }

    @Test
    void malformedCoordinatesAreLocatedErrorsNotRuntimeExceptions() {
        String[][] cases = {
            {"{\"type\":\"Polygon\",\"coordinates\":[]}", "features[0] (7): geometry.coordinates: expected a non-empty array"},
            {"{\"type\":\"Polygon\",\"coordinates\":[[]]}", "features[0] (7): geometry.coordinates[0]: a ring needs at least three distinct positions"},
            {"{\"type\":\"Polygon\",\"coordinates\":[[[1,2],[3],[5,6]]]}", "features[0] (7): geometry.coordinates[0][1]: expected [lon, lat] numbers"},
            {"{\"type\":\"Polygon\",\"coordinates\":[[[1,2],[\"3\",4],[5,6]]]}", "features[0] (7): geometry.coordinates[0][1]: expected [lon, lat] numbers"},
            {"{\"type\":\"MultiPolygon\",\"coordinates\":[7]}", "features[0] (7): geometry.coordinates[0]: expected an array of rings"},
            {"{\"type\":\"Polygon\",\"coordinates\":[[[23.1,113.3],[23.2,113.3],[23.2,113.4]]]}", "features[0] (7): geometry.coordinates[0][0]: [23.1, 113.3] is outside longitude -180..180 / latitude -90..90"},
            {"{\"type\":\"Point\",\"coordinates\":[1,2]}", "features[0] (7): geometry: unsupported geometry type 'Point' (Polygon or MultiPolygon)"},
            {"null", "features[0] (7): geometry.coordinates: expected a non-empty array"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> load(collection(feature("7", c[0])))).as(c[0])
                    .isInstanceOf(IOException.class).hasMessage(c[1]);
        }
    }

    @Test
    void theCollectionItselfMustHoldDistinctlyCodedFeatures() {
        assertThatThrownBy(() -> load("[]")).isInstanceOf(IOException.class)
                .hasMessage("not a GeoJSON FeatureCollection with features");
        assertThatThrownBy(() -> load(collection())).isInstanceOf(IOException.class)
                .hasMessage("not a GeoJSON FeatureCollection with features");
        assertThatThrownBy(() -> load(collection(feature("1", SQUARE), feature("1", SQUARE))))
                .isInstanceOf(IOException.class).hasMessage("features[1] (1): code 1 appears more than once");
        assertThatThrownBy(() -> load(collection("{\"geometry\":" + SQUARE + "}")))
                .isInstanceOf(IOException.class)
                .hasMessage("features[0]: no code (properties.code, properties.adcode or id)");
        String[] many = new String[RegionSet.MAX_REGIONS + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = feature("c" + i, SQUARE);
        }
        assertThatThrownBy(() -> load(collection(many))).isInstanceOf(IOException.class)
                .hasMessage("256 features; at most 255 regions are supported");
    }

    @Test
    void aValidCollectionStillLoadsWithSelfTouchingRingsMadeValid() throws IOException {
        String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[113.2,23.2],[113.4,23.4],[113.4,23.2],"
                + "[113.2,23.4],[113.2,23.2]]]}";
        RegionSet set = load(collection(feature("440106", SQUARE), feature("440111", bowtie)));
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.all()).allSatisfy(r -> {
            assertThat(r.geometry().isValid()).isTrue();
            assertThat(r.geometry().getArea()).isPositive();
        });
    }
}
