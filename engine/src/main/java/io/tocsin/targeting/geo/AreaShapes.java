package io.tocsin.targeting.geo;

import io.tocsin.cap.Reason;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Parses CAP {@code <polygon>} ("lat,lon lat,lon ...") and {@code <circle>} ("lat,lon radius_km") text into
 * lon/lat geometry, checking and repairing as it goes: malformed or out-of-range coordinates are errors;
 * an unclosed ring, clockwise winding, self-intersection (made valid with JTS {@link GeometryFixer}) and
 * more than {@link ShapeRules#maxPolygonPoints()} vertices (simplified) are repaired with a warning that
 * states the bleed (area changed, km²). Rings across the antimeridian are split at ±180°; rings and
 * circles around a pole become polar caps. Never throws for bad input. Thread-safe.
 */
public final class AreaShapes {
    private final ShapeRules rules;

    public AreaShapes(ShapeRules rules) {
        this.rules = rules;
    }

    public ShapeRules rules() {
        return rules;
    }

    public Shape polygon(String text, String path) {
        List<Reason> reasons = new ArrayList<>();
        List<Coordinate> pts = new ArrayList<>();
        String[] pairs = text == null ? new String[0] : text.trim().split("\\s+");
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            double[] ll = latLon(pair);
            if (ll == null) {
                reasons.add(Reason.error(path, "GEO_MALFORMED_POLYGON", "not a lat,lon pair: '" + clip(pair) + "'"));
                return new Shape(null, reasons);
            }
            if (!inRange(ll[0], ll[1])) {
                reasons.add(Reason.error(path, "GEO_COORDINATE_RANGE", "coordinate out of range: " + pair));
                return new Shape(null, reasons);
            }
            Coordinate c = new Coordinate(ll[1], ll[0]);
            if (pts.isEmpty() || !pts.get(pts.size() - 1).equals2D(c)) {
                pts.add(c);
            }
        }
        if (pts.size() >= 2 && !pts.get(0).equals2D(pts.get(pts.size() - 1))) {
            reasons.add(Reason.warning(path, "GEO_POLYGON_UNCLOSED", "ring was not closed; closed it (bleed 0 km²)"));
            pts.add(new Coordinate(pts.get(0)));
        }
        if (pts.size() < 4) {
            reasons.add(Reason.error(path, "GEO_DEGENERATE_POLYGON", "a polygon needs at least 3 distinct points"));
            return new Shape(null, reasons);
        }
        Coordinate[] ring = pts.toArray(new Coordinate[0]);
        if (!Orientation.isCCW(ring)) {
            reasons.add(Reason.warning(path, "GEO_POLYGON_WINDING", "ring was clockwise; reoriented (bleed 0 km²)"));
        }
        Geometry g = fromRing(ring, path, reasons);
        if (g == null) {
            return new Shape(null, reasons);
        }
        if (!IsValidOp.isValid(g)) {
            double before = Math.abs(Geo.areaKm2(Geo.FACTORY.createPolygon(ring)));
            Geometry fixed = GeometryFixer.fix(g);
            double after = Geo.areaKm2(fixed);
            reasons.add(Reason.warning(path, "GEO_POLYGON_REPAIRED", String.format(
                    "self-intersecting ring made valid: %.3f km² as drawn, %.3f km² targeted (bleed %.3f km²)",
                    before, after, Math.abs(after - before))));
            g = fixed;
        }
        if (g.getNumPoints() > rules.maxPolygonPoints()) {
            g = simplify(g, path, reasons);
        }
        if (g.isEmpty() || g.getArea() == 0) {
            reasons.add(Reason.error(path, "GEO_DEGENERATE_POLYGON", "polygon has no area"));
            return new Shape(null, reasons);
        }
        return new Shape(g, reasons);
    }

    public Shape circle(String text, String path) {
        List<Reason> reasons = new ArrayList<>();
        String[] parts = text == null ? new String[0] : text.trim().split("\\s+");
        double[] ll = parts.length == 2 ? latLon(parts[0]) : null;
        double km = parts.length == 2 ? number(parts[1]) : Double.NaN;
        if (ll == null || Double.isNaN(km) || km < 0 || Double.isInfinite(km)) {
            reasons.add(Reason.error(path, "GEO_MALFORMED_CIRCLE", "expected 'lat,lon radius_km', got '" + clip(text) + "'"));
            return new Shape(null, reasons);
        }
        if (!inRange(ll[0], ll[1])) {
            reasons.add(Reason.error(path, "GEO_COORDINATE_RANGE", "centre out of range: " + parts[0]));
            return new Shape(null, reasons);
        }
        if (km == 0) {
            reasons.add(Reason.warning(path, "GEO_ZERO_RADIUS", "circle of radius 0 targets a point: nobody is inside it"));
            return new Shape(Geo.FACTORY.createPolygon(), reasons);
        }
        double maxKm = Math.PI * Geo.EARTH_RADIUS_KM * 0.999;
        if (km > maxKm) {
            reasons.add(Reason.warning(path, "GEO_CIRCLE_TOO_LARGE", "radius clipped to " + (long) maxKm + " km"));
            km = maxKm;
        }
        double toNorth = Geo.distanceKm(ll[0], ll[1], 90, 0);
        double toSouth = Geo.distanceKm(ll[0], ll[1], -90, 0);
        if (km >= toNorth || km >= toSouth) {
            boolean north = km >= toNorth;
            double edgeLat = north ? ll[0] - Math.toDegrees(km / Geo.EARTH_RADIUS_KM) : ll[0] + Math.toDegrees(km / Geo.EARTH_RADIUS_KM);
            edgeLat = Math.max(-90, Math.min(90, edgeLat));
            reasons.add(Reason.warning(path, "GEO_POLE", "circle contains a pole; targeting the polar cap beyond latitude " + edgeLat));
            return new Shape(box(-180, north ? edgeLat : -90, 180, north ? 90 : edgeLat), reasons);
        }
        Coordinate[] ring = Geo.circleRing(ll[0], ll[1], km, rules.circleSegments());
        Geometry g = fromRing(ring, path, reasons);
        return new Shape(g, reasons);
    }

    /** A closed lon/lat ring to a valid-oriented polygonal geometry, split at the antimeridian when crossed. */
    private static Geometry fromRing(Coordinate[] ring, String path, List<Reason> reasons) {
        boolean crosses = false;
        for (int i = 1; i < ring.length; i++) {
            if (Math.abs(ring[i].x - ring[i - 1].x) > 180) {
                crosses = true;
                break;
            }
        }
        if (!crosses) {
            Polygon p = Geo.FACTORY.createPolygon(ring.clone());
            return p;
        }
        Coordinate[] unwrapped = new Coordinate[ring.length];
        unwrapped[0] = new Coordinate(ring[0]);
        for (int i = 1; i < ring.length; i++) {
            double x = ring[i].x;
            double prev = unwrapped[i - 1].x;
            while (x - prev > 180) {
                x -= 360;
            }
            while (x - prev < -180) {
                x += 360;
            }
            unwrapped[i] = new Coordinate(x, ring[i].y);
        }
        double drift = unwrapped[unwrapped.length - 1].x - unwrapped[0].x;
        Geometry shape;
        if (Math.abs(drift) > 180) {
            // The ring winds around a pole: close it over the pole.
            double meanLat = 0;
            for (Coordinate c : ring) {
                meanLat += c.y;
            }
            double poleLat = meanLat >= 0 ? 90 : -90;
            List<Coordinate> cap = new ArrayList<>(List.of(unwrapped).subList(0, unwrapped.length - 1));
            cap.add(new Coordinate(unwrapped[unwrapped.length - 1].x, poleLat));
            cap.add(new Coordinate(unwrapped[0].x, poleLat));
            cap.add(new Coordinate(unwrapped[0]));
            shape = GeometryFixer.fix(Geo.FACTORY.createPolygon(cap.toArray(new Coordinate[0])));
            reasons.add(Reason.warning(path, "GEO_POLE", "ring winds around a pole; targeting the polar cap it encloses"));
        } else {
            shape = GeometryFixer.fix(Geo.FACTORY.createPolygon(unwrapped));
            reasons.add(Reason.warning(path, "GEO_ANTIMERIDIAN", "ring crosses the antimeridian; split at ±180°"));
        }
        List<Geometry> parts = new ArrayList<>();
        for (int k = -2; k <= 2; k++) {
            Geometry piece = Geo.intersection(shape, box(-180 + 360.0 * k, -90, 180 + 360.0 * k, 90));
            if (!piece.isEmpty() && piece.getArea() > 0) {
                final double shift = -360.0 * k;
                Geometry moved = piece.copy();
                moved.apply((org.locationtech.jts.geom.CoordinateFilter) c -> c.x += shift);
                moved.geometryChanged();
                parts.add(moved);
            }
        }
        return Geo.union(Geo.FACTORY.buildGeometry(parts));
    }

    private Geometry simplify(Geometry g, String path, List<Reason> reasons) {
        int before = g.getNumPoints();
        double tol = Math.max(g.getEnvelopeInternal().getWidth(), g.getEnvelopeInternal().getHeight()) / 100000;
        Geometry s = g;
        while (s.getNumPoints() > rules.maxPolygonPoints() && tol < 1) {
            s = TopologyPreservingSimplifier.simplify(g, tol);
            tol *= 2;
        }
        double bleed = Geo.areaKm2(Geo.symDifference(s, g));
        reasons.add(Reason.warning(path, "GEO_POLYGON_SIMPLIFIED", String.format(
                "%d points simplified to %d (limit %d); bleed %.3f km²", before, s.getNumPoints(), rules.maxPolygonPoints(), bleed)));
        return s;
    }

    static Polygon box(double minX, double minY, double maxX, double maxY) {
        return Geo.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(minX, minY), new Coordinate(maxX, minY), new Coordinate(maxX, maxY),
            new Coordinate(minX, maxY), new Coordinate(minX, minY)});
    }

    private static double[] latLon(String pair) {
        int comma = pair.indexOf(',');
        if (comma <= 0 || comma != pair.lastIndexOf(',')) {
            return null;
        }
        double lat = number(pair.substring(0, comma));
        double lon = number(pair.substring(comma + 1));
        return Double.isNaN(lat) || Double.isNaN(lon) ? null : new double[] {lat, lon};
    }

    private static double number(String s) {
        try {
            double v = Double.parseDouble(s.trim());
            return Double.isInfinite(v) ? Double.NaN : v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static boolean inRange(double lat, double lon) {
        return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
