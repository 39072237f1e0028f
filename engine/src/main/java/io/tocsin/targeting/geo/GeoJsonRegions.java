package io.tocsin.targeting.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Reads regions from a GeoJSON FeatureCollection of Polygon/MultiPolygon features. The code comes from
 * {@code properties.code}, {@code properties.adcode} or the feature {@code id}; names from {@code name_zh}
 * / {@code name_en} (or {@code name}); {@code parent} and {@code population} are optional. Reads both the
 * project's demo geography and the real district boundaries of the shared corpus. Invalid geometries
 * (self-touching rings are common in real boundary data) are made valid with JTS {@link GeometryFixer}.
 * Stateless; thread-safe.
 */
public final class GeoJsonRegions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJsonRegions() {
    }

    public static RegionSet load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        }
    }

    public static RegionSet load(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        GeometryFactory gf = Geo.FACTORY;
        List<Region> regions = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            JsonNode p = f.path("properties");
            String code = text(p, "code", text(p, "adcode", f.path("id").asText(null)));
            if (code == null) {
                throw new IOException("feature without code/adcode/id");
            }
            String nameZh = text(p, "name_zh", text(p, "name", null));
            String nameEn = text(p, "name_en", null);
            String parent = text(p, "parent", null);
            long population = p.path("population").asLong(0);
            Geometry g = geometry(f.path("geometry"), gf);
            if (!g.isValid()) {
                // Real boundary data often has self-touching rings; JTS predicates need valid input.
                g = GeometryFixer.fix(g);
            }
            regions.add(new Region(code, nameZh, nameEn, parent, g, population));
        }
        return new RegionSet(regions);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    static Geometry geometry(JsonNode g, GeometryFactory gf) throws IOException {
        String type = g.path("type").asText();
        JsonNode coords = g.path("coordinates");
        switch (type) {
            case "Polygon":
                return polygon(coords, gf);
            case "MultiPolygon": {
                Polygon[] parts = new Polygon[coords.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coords.get(i), gf);
                }
                return gf.createMultiPolygon(parts);
            }
            default:
                throw new IOException("unsupported geometry type " + type);
        }
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory gf) {
        LinearRing shell = ring(rings.get(0), gf);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), gf);
        }
        return gf.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode ring, GeometryFactory gf) {
        List<Coordinate> cs = new ArrayList<>(ring.size() + 1);
        for (JsonNode pt : ring) {
            cs.add(new Coordinate(pt.get(0).asDouble(), pt.get(1).asDouble()));
        }
        if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(new Coordinate(cs.get(0)));
        }
        return gf.createLinearRing(cs.toArray(new Coordinate[0]));
    }
}
