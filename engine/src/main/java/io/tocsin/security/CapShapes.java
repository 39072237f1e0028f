package io.tocsin.security;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.util.GeometricShapeFactory;

/**
 * CAP geometry text to JTS (x = longitude, y = latitude): polygons {@code "lat,lon lat,lon ..."} and circles
 * {@code "lat,lon radius_km"} (approximated by a 32-point ellipse in degrees). Returns null for text it
 * cannot read; the CAP validator reports why. Thread-safe.
 */
public final class CapShapes {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final double KM_PER_DEGREE = 111.32;

    private CapShapes() {
    }

    public static Geometry polygon(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] pairs = text.trim().split("\\s+");
        if (pairs.length < 4) {
            return null;
        }
        Coordinate[] ring = new Coordinate[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            Coordinate c = point(pairs[i]);
            if (c == null) {
                return null;
            }
            ring[i] = c;
        }
        if (!ring[0].equals2D(ring[ring.length - 1])) {
            return null;
        }
        try {
            Geometry g = GEOMETRY.createPolygon(ring);
            return g.isValid() ? g : g.buffer(0);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static Geometry circle(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            return null;
        }
        Coordinate centre = point(parts[0]);
        double radiusKm;
        try {
            radiusKm = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            return null;
        }
        if (centre == null || !(radiusKm >= 0) || radiusKm > 20_000) {
            return null;
        }
        double dLat = radiusKm / KM_PER_DEGREE;
        double dLon = radiusKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(centre.y))));
        if (radiusKm == 0) {
            return GEOMETRY.createPoint(centre);
        }
        GeometricShapeFactory shapes = new GeometricShapeFactory(GEOMETRY);
        shapes.setCentre(centre);
        shapes.setWidth(2 * dLon);
        shapes.setHeight(2 * dLat);
        shapes.setNumPoints(32);
        return shapes.createEllipse();
    }

    private static Coordinate point(String pair) {
        int comma = pair.indexOf(',');
        if (comma <= 0 || comma != pair.lastIndexOf(',')) {
            return null;
        }
        try {
            double lat = Double.parseDouble(pair.substring(0, comma));
            double lon = Double.parseDouble(pair.substring(comma + 1));
            if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                return null;
            }
            return new Coordinate(lon, lat);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
