package io.tocsin.targeting.geo;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

    @FuzzTest(maxDuration = "25s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void geojson(byte[] bytes) {
        RegionSet set = GeographyFuzzChecks.regions(bytes);
        if (set != null) {
            GeographyFuzzChecks.usable(set, DEMO_ALIASES);
        }
    }

    @FuzzTest(maxDuration = "25s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aliases(byte[] bytes) {
        GeographyFuzzChecks.aliases(bytes);
    }
}
