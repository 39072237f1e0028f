package io.tocsin.targeting.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Reads regions from a GeoJSON FeatureCollection of Polygon/MultiPolygon features. The code comes from
 * {@code properties.code}, {@code properties.adcode} or the feature {@code id}; names from {@code name_zh}
 * / {@code name_en} (or {@code name}); {@code parent} and {@code population} are optional. Reads both the
 * project's demo geography and the real district boundaries of the shared corpus. Invalid geometries
 * (self-touching rings are common in real boundary data) are made valid with JTS {@link GeometryFixer}.
 *
 * <p>Anything unusable is refused with an {@link IOException} whose message names the place, e.g.
 * {@code features[3] (440106): geometry.coordinates[0][2]: expected [lon, lat] numbers}: no features, a
 * feature without code, a duplicate code, more regions than a {@link RegionSet} holds, a negative population,
 * a ring with fewer than three distinct positions, a position that is not two finite numbers within
 * longitude/latitude range, or a geometry with no area left once made valid. Stateless; thread-safe.
 */
public final class GeoJsonRegions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJsonRegions() {
    }

    public static RegionSet load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (GeoJsonException e) {
            throw new GeoJsonException(file + ": " + e.getMessage());
        }
    }

    public static RegionSet load(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        JsonNode features = root == null ? null : root.get("features");
        if (features == null || !features.isArray() || features.isEmpty()) {
            throw new GeoJsonException("not a GeoJSON FeatureCollection with features");
        }
        if (features.size() > RegionSet.MAX_REGIONS) {
            throw new GeoJsonException(features.size() + " features; at most " + RegionSet.MAX_REGIONS
                    + " regions are supported");
        }
        GeometryFactory gf = Geo.FACTORY;
        List<Region> regions = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            String where = "features[" + i + "]";
            if (!f.isObject()) {
                throw new GeoJsonException(where + ": not an object");
            }
            JsonNode p = f.path("properties");
            JsonNode id = f.get("id");
            String code = text(p, "code", text(p, "adcode", id == null || !id.isValueNode() ? null : id.asText()));
            if (code == null || code.isBlank()) {
                throw new GeoJsonException(where + ": no code (properties.code, properties.adcode or id)");
            }
            where += " (" + code + ")";
            if (!codes.add(code)) {
                throw new GeoJsonException(where + ": code " + code + " appears more than once");
            }
            long population = p.path("population").asLong(0);
            if (population < 0) {
                throw new GeoJsonException(where + ": negative population " + population);
            }
            Geometry g = GeoJsonGeometry.read(f.path("geometry"), gf, where + ": geometry");
            if (!g.isValid()) {
                // Real boundary data often has self-touching rings; JTS predicates need valid input.
                g = GeometryFixer.fix(g);
            }
            if (g.isEmpty() || !(g instanceof Polygonal) || g.getArea() <= 0 || !g.isValid()) {
                throw new GeoJsonException(where + ": geometry encloses no area");
            }
            regions.add(new Region(code, text(p, "name_zh", text(p, "name", null)), text(p, "name_en", null),
                    text(p, "parent", null), g, population));
        }
        return new RegionSet(regions);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? fallback : v.asText();
    }

    /** A refusal of a GeoJSON file, located in its message. */
    static final class GeoJsonException extends IOException {
        private static final long serialVersionUID = 1L;

        GeoJsonException(String message) {
            super(message);
        }
    }
}
