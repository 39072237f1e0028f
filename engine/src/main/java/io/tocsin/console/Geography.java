package io.tocsin.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The region outlines the console's map draws, read once from GeoJSON files (every {@code *.geojson} in a
 * directory, e.g. {@code config/geo}), simplified (topology-preserving, ~{@code tolerance} degrees) and
 * rounded so that the page receives tens of kilobytes, not megabytes. Works offline: no tiles, just polygons.
 *
 * <p>Reads feature ids or the properties {@code adcode}/{@code code} as region codes, {@code name_zh}/{@code
 * name}/{@code name_en} as names and {@code population}/{@code population_2020} when present.
 * Immutable after construction; thread-safe.
 */
public final class Geography {

    /** One region as sent to the page: outer rings only, as [lon, lat] pairs. */
    public record Region(String code, String nameZh, String nameEn, long population, List<double[][]> rings) {
    }

    private final List<Region> regions;
    private final String json;

    private Geography(List<Region> regions) {
        this.regions = List.copyOf(regions);
        double[] box = {180, 90, -180, -90};
        for (Region r : regions) {
            for (double[][] ring : r.rings()) {
                for (double[] p : ring) {
                    box[0] = Math.min(box[0], p[0]);
                    box[1] = Math.min(box[1], p[1]);
                    box[2] = Math.max(box[2], p[0]);
                    box[3] = Math.max(box[3], p[1]);
                }
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("bbox", regions.isEmpty() ? List.of() : List.of(box[0], box[1], box[2], box[3]));
        doc.put("regions", this.regions);
        this.json = ConsoleJson.write(doc);
    }

    public static Geography empty() {
        return new Geography(List.of());
    }

    /** Loads every {@code *.geojson} under {@code dir} (not recursive); a missing directory gives no regions. */
    public static Geography load(Path dir, double tolerance) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.geojson")) {
                ds.forEach(files::add);
            }
        } else if (Files.isRegularFile(dir)) {
            files.add(dir);
        }
        files.sort(null);
        Map<String, Region> byCode = new LinkedHashMap<>();
        GeometryFactory gf = new GeometryFactory();
        for (Path file : files) {
            JsonNode root = ConsoleJson.MAPPER.readTree(file.toFile());
            for (JsonNode feature : root.path("features")) {
                Region r = region(feature, gf, tolerance);
                if (r != null) {
                    byCode.putIfAbsent(r.code(), r);
                }
            }
        }
        return new Geography(new ArrayList<>(byCode.values()));
    }

    public List<Region> regions() {
        return regions;
    }

    /** The document {@code GET /api/v1/geography} serves: {@code {"bbox":[...],"regions":[...]}}. */
    public String json() {
        return json;
    }

    private static Region region(JsonNode feature, GeometryFactory gf, double tolerance) {
        JsonNode props = feature.path("properties");
        String code = firstText(props, "adcode", "code", "region_code");
        if (code == null && feature.hasNonNull("id")) {
            code = feature.get("id").asText();
        }
        JsonNode geometry = feature.path("geometry");
        if (code == null || geometry.isMissingNode()) {
            return null;
        }
        List<JsonNode> polygons = new ArrayList<>();
        if ("Polygon".equals(geometry.path("type").asText())) {
            polygons.add(geometry.path("coordinates"));
        } else if ("MultiPolygon".equals(geometry.path("type").asText())) {
            geometry.path("coordinates").forEach(polygons::add);
        }
        List<double[][]> rings = new ArrayList<>();
        for (JsonNode polygon : polygons) {
            double[][] ring = simplified(polygon.path(0), gf, tolerance);
            if (ring != null) {
                rings.add(ring);
            }
        }
        if (rings.isEmpty()) {
            return null;
        }
        long population = props.path("population").asLong(props.path("population_2020").asLong(0));
        return new Region(code, firstText(props, "name_zh", "name"), firstText(props, "name_en", "name"),
                population, rings);
    }

    private static double[][] simplified(JsonNode ringNode, GeometryFactory gf, double tolerance) {
        List<Coordinate> coords = new ArrayList<>();
        for (JsonNode p : ringNode) {
            coords.add(new Coordinate(p.path(0).asDouble(), p.path(1).asDouble()));
        }
        if (coords.size() < 3) {
            return null;
        }
        if (!coords.get(0).equals2D(coords.get(coords.size() - 1))) {
            coords.add(new Coordinate(coords.get(0)));
        }
        if (coords.size() < 4) {
            return null;
        }
        LinearRing shell = gf.createLinearRing(coords.toArray(new Coordinate[0]));
        Polygon polygon = gf.createPolygon(shell);
        Geometry simple = tolerance > 0 ? TopologyPreservingSimplifier.simplify(polygon, tolerance) : polygon;
        List<double[]> ring = new ArrayList<>();
        for (Coordinate c : simple.getCoordinates()) {
            double[] p = {round(c.x), round(c.y)};
            double[] last = ring.isEmpty() ? null : ring.get(ring.size() - 1);
            if (last == null || last[0] != p[0] || last[1] != p[1]) {
                ring.add(p);
            }
        }
        return ring.size() < 4 ? null : ring.toArray(new double[0][]);
    }

    private static double round(double v) {
        return Math.round(v * 10_000d) / 10_000d;
    }

    private static String firstText(JsonNode props, String... names) {
        for (String n : names) {
            JsonNode v = props.get(n);
            if (v != null && v.isValueNode() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }
}
