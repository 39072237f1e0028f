package io.tocsin.targeting.geo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Authors the demo geography of Guangzhou: the Voronoi cells of the 11 districts' real area-weighted
 * centroids, clipped to the centroids' convex hull grown by 0.15° (about 16 km), with each district's real
 * GB/T 2260 code, Chinese and English name and 2020 census population (read from the shared corpus TSV).
 * Shapes are schematic, not boundaries. Also writes the geocode alias table giving each district a demo
 * SAME code ({@code 0} + province + last three digits, e.g. {@code 044106}) and UGC ({@code GDC106}).
 *
 * <p>Run: {@code java -cp engine/target/classes:... io.tocsin.targeting.geo.DemoGeographyGenerator
 * /work/shared/corpus/geo/guangzhou-districts.tsv config/geo}
 */
public final class DemoGeographyGenerator {
    public static final String GEOJSON = "guangzhou-districts.geojson";
    public static final String ALIASES = "geocode-aliases.tsv";

    private DemoGeographyGenerator() {
    }

    private record District(String code, String nameZh, String nameEn, double lat, double lon, long population) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: DemoGeographyGenerator <guangzhou-districts.tsv> <output dir>");
            System.exit(2);
        }
        List<District> districts = read(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Files.writeString(out.resolve(GEOJSON), geojson(districts), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(ALIASES), aliases(districts), StandardCharsets.UTF_8);
    }

    private static List<District> read(Path tsv) throws IOException {
        List<District> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f.length >= 6) {
                out.add(new District(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]), Long.parseLong(f[5])));
            }
        }
        return out;
    }

    static String geojson(List<District> districts) throws IOException {
        List<Coordinate> sites = new ArrayList<>();
        for (District d : districts) {
            sites.add(new Coordinate(d.lon(), d.lat()));
        }
        Geometry hull = Geo.FACTORY.createMultiPointFromCoords(sites.toArray(new Coordinate[0]))
                .convexHull().buffer(0.15, 4);
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(sites);
        vb.setClipEnvelope(hull.getEnvelopeInternal());
        Geometry cells = vb.getDiagram(Geo.FACTORY);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("type", "FeatureCollection");
        root.put("name", "Guangzhou districts, demo geography (Voronoi cells of real centroids; 2020 census populations)");
        ArrayNode features = root.putArray("features");
        for (District d : districts) {
            Geometry cell = null;
            for (int i = 0; i < cells.getNumGeometries(); i++) {
                Geometry c = cells.getGeometryN(i);
                if (c.contains(Geo.FACTORY.createPoint(new Coordinate(d.lon(), d.lat())))) {
                    cell = c.intersection(hull);
                }
            }
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.put("id", d.code());
            ObjectNode p = f.putObject("properties");
            p.put("code", d.code());
            p.put("name_zh", d.nameZh());
            p.put("name_en", d.nameEn());
            p.put("parent", "440100");
            p.put("population", d.population());
            p.put("cpeas_geocode", d.code() + "000000");
            ObjectNode g = f.putObject("geometry");
            g.put("type", "Polygon");
            ArrayNode rings = g.putArray("coordinates");
            ArrayNode ring = rings.addArray();
            Polygon poly = (Polygon) cell.norm().reverse();
            for (Coordinate c : poly.getExteriorRing().getCoordinates()) {
                ring.addArray().add(Math.round(c.x * 1e5) / 1e5).add(Math.round(c.y * 1e5) / 1e5);
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    static String aliases(List<District> districts) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Geocode alias table: scheme<TAB>code<TAB>region code. Demo codes for Guangzhou's districts:\n");
        sb.append("# SAME = 0 + province digits + county digits, e.g. 044106 (no US FIPS exists for China); UGC = GDC + last 3 digits.\n");
        for (District d : districts) {
            sb.append("SAME\t0").append(d.code(), 0, 2).append(d.code().substring(3)).append('\t').append(d.code()).append('\n');
        }
        for (District d : districts) {
            sb.append("UGC\tGDC").append(d.code().substring(3)).append('\t').append(d.code()).append('\n');
        }
        return sb.toString();
    }
}
