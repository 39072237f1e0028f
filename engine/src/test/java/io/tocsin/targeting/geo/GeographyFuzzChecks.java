package io.tocsin.targeting.geo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Area;
import io.tocsin.cap.NamedValue;
import io.tocsin.cap.Reason;
import io.tocsin.targeting.GeographyShapes;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * The property of the geography fuzz targets: loading the districts GeoJSON or the geocode alias table gives
 * either an {@link IOException} with a message or a geography whose every region has a code and a valid,
 * non-empty, finite polygonal geometry that the targeting code can use. Stateless; thread-safe.
 */
final class GeographyFuzzChecks {
    static final ShapeRules RULES = new ShapeRules(1000, 32);

    private GeographyFuzzChecks() {
    }

    /** Returns the loaded regions, or null when the loader refused the input with a clear error. */
    static RegionSet regions(byte[] geojson) {
        RegionSet set;
        try {
            set = GeoJsonRegions.load(new ByteArrayInputStream(geojson));
        } catch (IOException e) {
            assertThat(e.getMessage()).as("a refusal must say why").isNotBlank();
            return null;
        }
        for (Region r : set.all()) {
            assertThat(r.code()).as("region code").isNotBlank();
            Geometry g = r.geometry();
            assertThat(g).as("geometry of %s", r.code()).isNotNull().isInstanceOf(Polygonal.class);
            assertThat(g.isEmpty()).as("empty geometry accepted for %s", r.code()).isFalse();
            assertThat(g.isValid()).as("invalid geometry accepted for %s: %s", r.code(), g).isTrue();
            for (Coordinate c : g.getCoordinates()) {
                assertThat(Double.isFinite(c.x) && Double.isFinite(c.y)).as("coordinate %s of %s", c, r.code())
                        .isTrue();
            }
            assertThat(r.population()).as("population of %s", r.code()).isNotNegative();
        }
        return set;
    }

    /** Uses a loaded geography the way targeting does: geocode lookups, publisher scopes, area shapes. */
    static void usable(RegionSet set, GeocodeAliases aliases) {
        Geography geography = new Geography(set, aliases, RULES);
        GeographyShapes scopes = new GeographyShapes(geography);
        set.envelope();
        for (Region r : set.all()) {
            scopes.shapeOf(r.code());
            List<Area> areas = List.of(new Area(r.displayName(), List.of(), List.of(),
                    List.of(new NamedValue("GB2260", r.code()), new NamedValue("SAME", r.code())), null, null));
            TargetShapes shapes = geography.interpret(0, areas);
            for (Reason reason : shapes.reasons()) {
                assertThat(reason.path()).startsWith("/alert/info[0]");
            }
        }
    }

    /** Returns the alias table, or null when the loader refused the input with a clear error. */
    static GeocodeAliases aliases(byte[] tsv) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(tsv),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            GeocodeAliases a = GeocodeAliases.load(in, "aliases.tsv");
            for (String scheme : List.of(Geocodes.SAME, Geocodes.UGC, "same", "")) {
                a.regionsFor(scheme, "044106");
                a.codesFor(scheme, "440106");
            }
            return a;
        } catch (IOException e) {
            assertThat(e.getMessage()).as("a refusal must say why").isNotBlank();
            return null;
        }
    }
}
