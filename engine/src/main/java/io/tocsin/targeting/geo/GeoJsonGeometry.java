package io.tocsin.targeting.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns a GeoJSON Polygon or MultiPolygon into a JTS geometry, refusing with a located
 * {@link GeoJsonRegions.GeoJsonException} anything JTS would choke on: wrong types, rings with fewer than
 * three distinct positions, positions that are not two finite numbers within longitude/latitude range.
 * Unclosed rings are closed. Stateless; thread-safe.
 */
final class GeoJsonGeometry {

    private GeoJsonGeometry() {
    }

    static Geometry read(JsonNode g, GeometryFactory gf, String where) throws GeoJsonRegions.GeoJsonException {
        String type = g.path("type").asText();
        JsonNode coords = g.path("coordinates");
        if (!coords.isArray() || coords.isEmpty()) {
            throw new GeoJsonRegions.GeoJsonException(where + ".coordinates: expected a non-empty array");
        }
        switch (type) {
            case "Polygon":
                return polygon(coords, gf, where + ".coordinates");
            case "MultiPolygon": {
                Polygon[] parts = new Polygon[coords.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coords.get(i), gf, where + ".coordinates[" + i + "]");
                }
                return gf.createMultiPolygon(parts);
            }
            default:
                throw new GeoJsonRegions.GeoJsonException(where + ": unsupported geometry type '" + type
                        + "' (Polygon or MultiPolygon)");
        }
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory gf, String where)
            throws GeoJsonRegions.GeoJsonException {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new GeoJsonRegions.GeoJsonException(where + ": expected an array of rings");
        }
        LinearRing shell = ring(rings.get(0), gf, where + "[0]");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), gf, where + "[" + i + "]");
        }
        return gf.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode ring, GeometryFactory gf, String where)
            throws GeoJsonRegions.GeoJsonException {
        if (!ring.isArray()) {
            throw new GeoJsonRegions.GeoJsonException(where + ": expected an array of positions");
        }
        List<Coordinate> cs = new ArrayList<>(ring.size() + 1);
        for (int i = 0; i < ring.size(); i++) {
            cs.add(position(ring.get(i), where + "[" + i + "]"));
        }
        if (cs.size() < 3 || cs.stream().map(c -> c.x + "," + c.y).distinct().count() < 3) {
            throw new GeoJsonRegions.GeoJsonException(where + ": a ring needs at least three distinct positions");
        }
        if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(new Coordinate(cs.get(0)));
        }
        return gf.createLinearRing(cs.toArray(new Coordinate[0]));
    }

    private static Coordinate position(JsonNode pt, String where) throws GeoJsonRegions.GeoJsonException {
        if (!pt.isArray() || pt.size() < 2 || !pt.get(0).isNumber() || !pt.get(1).isNumber()) {
            throw new GeoJsonRegions.GeoJsonException(where + ": expected [lon, lat] numbers");
        }
        double lon = pt.get(0).asDouble();
        double lat = pt.get(1).asDouble();
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new GeoJsonRegions.GeoJsonException(where + ": [" + lon + ", " + lat
                    + "] is outside longitude -180..180 / latitude -90..90");
        }
        return new Coordinate(lon, lat);
    }
}
