package io.tocsin.targeting.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Spherical-earth helpers on WGS-84 lon/lat degrees (x = lon, y = lat): distances, destination points,
 * circles as polygons, and areas in km². Accurate to well under 0.5% at city scale, which is all that
 * targeting needs. Stateless; thread-safe.
 */
public final class Geo {
    public static final GeometryFactory FACTORY = new GeometryFactory();
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private Geo() {
    }

    /** Great-circle distance in km (haversine). */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The point {@code km} away from (lat, lon) on initial bearing {@code bearingDeg}; x = lon in [-180, 180]. */
    public static Coordinate destination(double lat, double lon, double bearingDeg, double km) {
        double d = km / EARTH_RADIUS_KM;
        double b = Math.toRadians(bearingDeg);
        double p1 = Math.toRadians(lat);
        double l1 = Math.toRadians(lon);
        double p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
        double l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
        double lonOut = ((Math.toDegrees(l2) + 540) % 360) - 180;
        return new Coordinate(lonOut, Math.toDegrees(p2));
    }

    /**
     * Ring of {@code segments} destination points around the centre (not yet closed or unwrapped: a circle
     * across the antimeridian or around a pole is handled by {@link AreaShapes}).
     */
    public static Coordinate[] circleRing(double lat, double lon, double km, int segments) {
        Coordinate[] ring = new Coordinate[segments + 1];
        for (int i = 0; i < segments; i++) {
            ring[i] = destination(lat, lon, 360.0 * i / segments, km);
        }
        ring[segments] = new Coordinate(ring[0]);
        return ring;
    }

    /** A circle as a closed polygon, for centres well away from the poles and the antimeridian. */
    public static Polygon circle(double lat, double lon, double km, int segments) {
        return FACTORY.createPolygon(circleRing(lat, lon, km, segments));
    }

    /** Robust intersection (JTS OverlayNG with snapping fallbacks): never throws on nearly-degenerate input. */
    public static Geometry intersection(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
    }

    public static Geometry symDifference(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.SYMDIFFERENCE);
    }

    /** Robust union of the parts of a geometry (collection). */
    public static Geometry union(Geometry g) {
        return OverlayNGRobust.union(g);
    }

    /** Approximate area in km² of a lon/lat geometry (planar area scaled by cos of its mean latitude). */
    public static double areaKm2(Geometry g) {
        if (g == null || g.isEmpty()) {
            return 0;
        }
        double lat = g.getEnvelopeInternal().centre().y;
        double kmPerDeg = Math.PI * EARTH_RADIUS_KM / 180;
        return g.getArea() * kmPerDeg * kmPerDeg * Math.cos(Math.toRadians(lat));
    }
}
