package io.tocsin.targeting.grid;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Classifies the grid cells under a polygonal geometry as {@link #OUTSIDE}, {@link #INSIDE} (every point of
 * the cell is in the geometry's interior) or {@link #EDGE} (a ring passes through or touches the cell; its
 * points must be tested one by one). Edges are rasterised conservatively with a small padding, so a cell not
 * marked EDGE has no boundary point in it and all its points share the location of its centre; runs of such
 * cells along a row share it too, so one locate per run classifies them. The result covers the window of
 * cells under the geometry's envelope; everything outside the window is OUTSIDE. Not thread-safe (one per
 * query).
 */
public final class GridRaster {
    public static final byte OUTSIDE = 0;
    public static final byte INSIDE = 1;
    public static final byte EDGE = 2;
    private static final double PAD = 1e-9;

    private final GridSpec grid;
    private final int c0;
    private final int r0;
    private final int width;
    private final int height;
    private final byte[] state;

    private GridRaster(GridSpec grid, int c0, int r0, int width, int height) {
        this.grid = grid;
        this.c0 = c0;
        this.r0 = r0;
        this.width = width;
        this.height = height;
        this.state = new byte[Math.max(0, width) * Math.max(0, height)];
    }

    public static GridRaster classify(Geometry g, GridSpec grid, IndexedPointInAreaLocator locator) {
        Envelope e = g.getEnvelopeInternal();
        if (e.isNull()) {
            return new GridRaster(grid, 0, 0, 0, 0);
        }
        int c0 = Math.max(0, grid.colAt(e.getMinX() - PAD));
        int c1 = Math.min(grid.cols() - 1, grid.colAt(e.getMaxX() + PAD));
        int r0 = Math.max(0, grid.rowAt(e.getMinY() - PAD));
        int r1 = Math.min(grid.rows() - 1, grid.rowAt(e.getMaxY() + PAD));
        if (c0 > c1 || r0 > r1) {
            return new GridRaster(grid, 0, 0, 0, 0);
        }
        GridRaster r = new GridRaster(grid, c0, r0, c1 - c0 + 1, r1 - r0 + 1);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            r.markRing(p.getExteriorRing().getCoordinateSequence());
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                r.markRing(p.getInteriorRingN(h).getCoordinateSequence());
            }
        }
        r.fillRuns(locator);
        return r;
    }

    public int firstCol() {
        return c0;
    }

    public int firstRow() {
        return r0;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** State of the cell at window position (dc, dr). */
    public byte at(int dc, int dr) {
        return state[dr * width + dc];
    }

    private void markRing(CoordinateSequence seq) {
        for (int i = 1; i < seq.size(); i++) {
            markSegment(seq.getX(i - 1), seq.getY(i - 1), seq.getX(i), seq.getY(i));
        }
    }

    private void markSegment(double x1, double y1, double x2, double y2) {
        double ymin = Math.min(y1, y2);
        double ymax = Math.max(y1, y2);
        double xmin = Math.min(x1, x2);
        double xmax = Math.max(x1, x2);
        double dy = y2 - y1;
        double dx = x2 - x1;
        // Rounding of x(y) grows with the slope; pad by that bound, then clamp to the segment's own extent.
        double slopePad = dy == 0 ? 0 : Math.abs(dx) * 4e-14 * (1 + Math.abs(ymax)) / Math.abs(dy);
        int ra = Math.max(r0, grid.rowAt(ymin - PAD));
        int rb = Math.min(r0 + height - 1, grid.rowAt(ymax + PAD));
        for (int r = ra; r <= rb; r++) {
            double ya = Math.max(ymin, grid.latOf(r) - PAD);
            double yb = Math.min(ymax, grid.latOf(r + 1) + PAD);
            if (ya > yb) {
                continue;
            }
            double xa;
            double xb;
            if (dy == 0 || slopePad >= xmax - xmin) {
                xa = xmin;
                xb = xmax;
            } else {
                double u = x1 + (ya - y1) * dx / dy;
                double v = x1 + (yb - y1) * dx / dy;
                xa = Math.max(xmin, Math.min(u, v) - slopePad);
                xb = Math.min(xmax, Math.max(u, v) + slopePad);
            }
            int ca = Math.max(c0, grid.colAt(xa - PAD));
            int cb = Math.min(c0 + width - 1, grid.colAt(xb + PAD));
            int base = (r - r0) * width - c0;
            for (int c = ca; c <= cb; c++) {
                state[base + c] = EDGE;
            }
        }
    }

    private void fillRuns(IndexedPointInAreaLocator locator) {
        Coordinate centre = new Coordinate();
        double half = grid.cellDegrees() / 2;
        for (int dr = 0; dr < height; dr++) {
            int row = dr * width;
            int dc = 0;
            while (dc < width) {
                if (state[row + dc] == EDGE) {
                    dc++;
                    continue;
                }
                int start = dc;
                while (dc < width && state[row + dc] != EDGE) {
                    dc++;
                }
                centre.x = grid.lonOf(c0 + start) + half;
                centre.y = grid.latOf(r0 + dr) + half;
                if (locator.locate(centre) == Location.INTERIOR) {
                    java.util.Arrays.fill(state, row + start, row + dc, INSIDE);
                }
            }
        }
    }
}
