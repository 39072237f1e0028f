package io.tocsin.cap;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.operation.valid.IsSimpleOp;

/**
 * CAP {@code <polygon>} and {@code <circle>} rules: "lat,lon" pairs separated by whitespace, WGS 84 ranges,
 * a polygon ring of at least 4 points whose first and last are equal and which does not cross itself (JTS),
 * and a circle "lat,lon radius" with a non-negative radius in km. A polygon with more points than
 * {@link CapLimits#maxPolygonPoints()} is refused before any number is parsed. Thread-safe.
 */
final class GeometryRules {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private final int maxPoints;

    GeometryRules(int maxPoints) {
        this.maxPoints = maxPoints;
    }

    void polygon(String text, String path, List<Reason> out) {
        if (text == null || text.isEmpty()) {
            // NWS and others emit <polygon></polygon> for "no polygon"; the schemas allow the empty string.
            out.add(Reason.warning(path, "CAP_POLYGON_EMPTY", "empty polygon: ignored"));
            return;
        }
        int tokens = countTokens(text);
        if (tokens > maxPoints) {
            out.add(Reason.error(path, "CAP_POLYGON_TOO_LARGE", "polygon has " + tokens + " points; at most "
                    + maxPoints + " are accepted"));
            return;
        }
        double[] lat = new double[tokens];
        double[] lon = new double[tokens];
        int n = 0;
        int i = 0;
        int len = text.length();
        while (i < len) {
            while (i < len && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= len) {
                break;
            }
            int start = i;
            while (i < len && !isSpace(text.charAt(i))) {
                i++;
            }
            int comma = pointComma(text, start, i);
            double la = comma < 0 ? Double.NaN : number(text, start, comma);
            double lo = comma < 0 ? Double.NaN : number(text, comma + 1, i);
            if (Double.isNaN(la) || Double.isNaN(lo)) {
                out.add(Reason.error(path, "CAP_POLYGON_FORMAT", "point " + n + " '" + clip(text.substring(start, i))
                        + "' is not 'latitude,longitude'"));
                return;
            }
            if (!inRange(la, lo)) {
                out.add(Reason.error(path, "CAP_COORDINATE_RANGE", "point " + n + " " + la + "," + lo
                        + " is outside latitude -90..90 / longitude -180..180"));
                return;
            }
            lat[n] = la;
            lon[n] = lo;
            n++;
        }
        if (n < 4) {
            out.add(Reason.error(path, "CAP_POLYGON_TOO_FEW_POINTS", "a polygon needs at least 4 points, has " + n));
            return;
        }
        if (lat[0] != lat[n - 1] || lon[0] != lon[n - 1]) {
            out.add(Reason.error(path, "CAP_POLYGON_NOT_CLOSED", "the first and last points must be equal"));
            return;
        }
        if (n <= RingCheck.MAX_POINTS) {
            RingCheck.Result r = RingCheck.check(lon, lat, n);
            if (r == RingCheck.Result.CROSSES) {
                out.add(Reason.error(path, "CAP_POLYGON_SELF_INTERSECTS", "the polygon ring crosses itself"));
            } else if (r == RingCheck.Result.TOUCHES) {
                out.add(Reason.warning(path, "CAP_POLYGON_SELF_TOUCHES", "the polygon ring touches itself at a vertex"));
            }
            return;
        }
        Coordinate[] ring = new Coordinate[n];
        for (int k = 0; k < n; k++) {
            ring[k] = new Coordinate(lon[k], lat[k]);
        }
        try {
            // JTS calls a consecutively repeated point non-simple; for an alert area it is harmless.
            ring = org.locationtech.jts.geom.CoordinateArrays.removeRepeatedPoints(ring);
            LinearRing lr = GEOMETRY.createLinearRing(ring);
            if (!lr.isSimple()) {
                IsSimpleOp simple = new IsSimpleOp(lr);
                simple.setFindAllLocations(true);
                simple.isSimple();
                selfIntersection(ring, simple.getNonSimpleLocations(), path, out);
            }
        } catch (IllegalArgumentException e) {
            out.add(Reason.error(path, "CAP_POLYGON_FORMAT", "not a valid ring: " + e.getMessage()));
        }
    }

    /**
     * A ring that only touches itself at one of its own vertices (a repeated point, a spike) still bounds an
     * area and real feeds send such rings: a warning. Edges crossing elsewhere make the inside ambiguous:
     * an error.
     */
    private static void selfIntersection(Coordinate[] ring, List<Coordinate> where, String path, List<Reason> out) {
        java.util.Set<Coordinate> vertices = new java.util.HashSet<>(java.util.Arrays.asList(ring));
        for (Coordinate c : where) {
            if (!vertices.contains(c)) {
                out.add(Reason.error(path, "CAP_POLYGON_SELF_INTERSECTS", "the polygon ring crosses itself near "
                        + c.y + "," + c.x));
                return;
            }
        }
        Coordinate c = where.get(0);
        out.add(Reason.warning(path, "CAP_POLYGON_SELF_TOUCHES", "the polygon ring touches itself at vertex "
                + c.y + "," + c.x));
    }

    void circle(String text, String path, List<Reason> out) {
        String t = text == null ? "" : text.trim();
        int space = -1;
        for (int i = 0; i < t.length(); i++) {
            if (isSpace(t.charAt(i))) {
                space = i;
                break;
            }
        }
        if (space < 0) {
            out.add(Reason.error(path, "CAP_CIRCLE_FORMAT", "circle must be 'latitude,longitude radius', got '"
                    + clip(t) + "'"));
            return;
        }
        double[] ll = point(t, 0, space);
        String radiusText = t.substring(space).trim();
        double radius = number(radiusText, 0, radiusText.length());
        if (ll == null || Double.isNaN(radius) || countTokens(radiusText) != 1) {
            out.add(Reason.error(path, "CAP_CIRCLE_FORMAT", "circle must be 'latitude,longitude radius', got '"
                    + clip(t) + "'"));
            return;
        }
        if (!inRange(ll[0], ll[1])) {
            out.add(Reason.error(path, "CAP_COORDINATE_RANGE", "centre " + ll[0] + "," + ll[1]
                    + " is outside latitude -90..90 / longitude -180..180"));
        }
        if (radius < 0) {
            out.add(Reason.error(path, "CAP_CIRCLE_FORMAT", "radius must not be negative"));
        }
    }

    private static boolean inRange(double lat, double lon) {
        return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
    }

    /** Index of the one comma in s[from, to), or -1 when there is none or more than one. */
    private static int pointComma(String s, int from, int to) {
        int comma = -1;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == ',') {
                if (comma >= 0) {
                    return -1;
                }
                comma = i;
            }
        }
        return comma;
    }

    private static double[] point(String s, int from, int to) {
        int comma = pointComma(s, from, to);
        if (comma < 0) {
            return null;
        }
        double lat = number(s, from, comma);
        double lon = number(s, comma + 1, to);
        return Double.isNaN(lat) || Double.isNaN(lon) ? null : new double[] {lat, lon};
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * A plain decimal number ([-+]digits[.digits]); NaN for anything else (no exponents, no "NaN"). Short
     * numbers are computed as mantissa / 10^scale, which is correctly rounded (both exact doubles), i.e. the
     * same value {@link Double#parseDouble} gives, without allocating.
     */
    static double number(String s, int from, int to) {
        if (from >= to || to - from > 32) {
            return Double.NaN;
        }
        int i = from;
        char c0 = s.charAt(i);
        boolean negative = c0 == '-';
        if (c0 == '-' || c0 == '+') {
            i++;
        }
        boolean digits = false;
        boolean dot = false;
        long mantissa = 0;
        int scale = 0;
        int significant = 0;
        for (int k = i; k < to; k++) {
            char c = s.charAt(k);
            if (c >= '0' && c <= '9') {
                digits = true;
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa != 0) {
                    significant++;
                }
                if (dot) {
                    scale++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return Double.NaN;
            }
        }
        if (!digits) {
            return Double.NaN;
        }
        if (significant > 15 || scale > 22) {
            return Double.parseDouble(s.substring(from, to));
        }
        double v = mantissa / POW10[scale];
        return negative ? -v : v;
    }

    static int countTokens(String s) {
        int count = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = isSpace(s.charAt(i));
            if (!space && !in) {
                count++;
            }
            in = !space;
        }
        return count;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
