package io.tocsin.targeting.geo;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Jazzer fuzz targets for the geography loaders: the districts GeoJSON ({@link GeoJsonRegions}) and the
 * geocode alias table ({@link GeocodeAliases}). Property ({@link GeographyFuzzChecks}): an {@code IOException}
 * that says why, or regions with valid, non-empty, finite polygonal geometries that geocode lookups, publisher
 * scopes and area interpretation can use; never an uncaught runtime exception. Seeds and crash reproducers:
 * {@code src/test/resources/io/tocsin/targeting/geo/GeographyFuzzTestInputs/<target>/}.
 */
class GeographyFuzzTest {

    private static final GeocodeAliases DEMO_ALIASES = demoAliases();

    private static GeocodeAliases demoAliases() {
        Path p = Path.of(System.getProperty("tocsin.root", "..")).resolve("config/geo/geocode-aliases.tsv");
        try {
            return Files.exists(p) ? GeocodeAliases.load(p) : GeocodeAliases.empty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Loads and instruments JTS and Jackson outside the per-input time limit. */
    @BeforeAll
    static void warmUp() {
        geojsonOnce("{\"features\":[{\"id\":\"1\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[0,0],[1,0],[1,1],[0,0]]]}}]}");
    }

    private static void geojsonOnce(String json) {
        RegionSet set = GeographyFuzzChecks.regions(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (set != null) {
            GeographyFuzzChecks.usable(set, DEMO_ALIASES);
        }
    }

    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void geojson(byte[] bytes) {
        RegionSet set = GeographyFuzzChecks.regions(bytes);
        if (set != null) {
            GeographyFuzzChecks.usable(set, DEMO_ALIASES);
        }
    }

    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aliases(byte[] bytes) {
        GeographyFuzzChecks.aliases(bytes);
    }
}
