package io.tocsin.cap;

/**
 * Does a closed ring cross itself? An exact O(n²) segment test for the small rings real alerts carry (it is
 * far cheaper than building a JTS noding index); {@link GeometryRules} hands big rings to JTS instead.
 * Consecutive repeated points are ignored. Thread-safe (stateless).
 */
final class RingCheck {
    /** Rings up to this many points are checked here. */
    static final int MAX_POINTS = 256;

    enum Result { SIMPLE, TOUCHES, CROSSES }

    private RingCheck() {
    }

    /** {@code x}/{@code y} hold {@code n} points with the first equal to the last. */
    static Result check(double[] x, double[] y, int n) {
        // drop consecutive duplicates
        double[] px = new double[n];
        double[] py = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || x[i] != px[m - 1] || y[i] != py[m - 1]) {
                px[m] = x[i];
                py[m] = y[i];
                m++;
            }
        }
        int edges = m - 1;
        Result result = Result.SIMPLE;
        for (int i = 0; i < edges; i++) {
            for (int j = i + 1; j < edges; j++) {
                boolean adjacent = j == i + 1 || (i == 0 && j == edges - 1);
                Result r = adjacent ? adjacentOverlap(px, py, i, j, edges)
                        : intersect(px[i], py[i], px[i + 1], py[i + 1], px[j], py[j], px[j + 1], py[j + 1]);
                if (r == Result.CROSSES) {
                    return r;
                }
                if (r == Result.TOUCHES) {
                    result = r;
                }
            }
        }
        return result;
    }

    /** Adjacent edges share one vertex; they only matter when they fold back over each other (a spike). */
    private static Result adjacentOverlap(double[] x, double[] y, int i, int j, int edges) {
        if (edges < 3) {
            return Result.TOUCHES;
        }
        // shared vertex s, other ends a (of edge i) and b (of edge j)
        double sx, sy, ax, ay, bx, by;
        if (j == i + 1) {
            sx = x[i + 1]; sy = y[i + 1]; ax = x[i]; ay = y[i]; bx = x[j + 1]; by = y[j + 1];
        } else {
            sx = x[0]; sy = y[0]; ax = x[1]; ay = y[1]; bx = x[j]; by = y[j];
        }
        double o = orient(sx, sy, ax, ay, bx, by);
        if (o != 0) {
            return Result.SIMPLE;
        }
        double dot = (ax - sx) * (bx - sx) + (ay - sy) * (by - sy);
        return dot > 0 ? Result.TOUCHES : Result.SIMPLE;
    }

    private static Result intersect(double ax, double ay, double bx, double by,
                                    double cx, double cy, double dx, double dy) {
        if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)
                || Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) {
            return Result.SIMPLE;
        }
        double o1 = orient(ax, ay, bx, by, cx, cy);
        double o2 = orient(ax, ay, bx, by, dx, dy);
        double o3 = orient(cx, cy, dx, dy, ax, ay);
        double o4 = orient(cx, cy, dx, dy, bx, by);
        if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
            return Result.CROSSES;
        }
        if ((o1 == 0 && onSegment(ax, ay, bx, by, cx, cy)) || (o2 == 0 && onSegment(ax, ay, bx, by, dx, dy))
                || (o3 == 0 && onSegment(cx, cy, dx, dy, ax, ay)) || (o4 == 0 && onSegment(cx, cy, dx, dy, bx, by))) {
            return Result.TOUCHES;
        }
        return Result.SIMPLE;
    }

    private static double orient(double ax, double ay, double bx, double by, double cx, double cy) {
        return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    }

    private static boolean onSegment(double ax, double ay, double bx, double by, double px, double py) {
        return px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by);
    }
}
