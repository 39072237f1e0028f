package io.tocsin.targeting.geo;

import io.tocsin.targeting.grid.GridRaster;
import io.tocsin.targeting.grid.GridSpec;
import java.util.SplittableRandom;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * Draws random points inside one polygonal geometry, fast: a raster of ~500 m cells says which cells are
 * wholly inside (accept at once) and which straddle the edge (test the point). A share of points cluster
 * around the geometry's interior point so density falls off from the centre like a real district's.
 * Not thread-safe (pass one random per thread).
 */
public final class RegionSampler {
    private static final int CELL_E7 = 50_000;

    private final GridSpec grid;
    private final GridRaster raster;
    private final IndexedPointInAreaLocator locator;
    private final int[] cells;
    private final double centreX;
    private final double centreY;
    private final double sigma;
    private final double clusterShare;

    public RegionSampler(Geometry g, double clusterShare) {
        Envelope e = g.getEnvelopeInternal();
        this.grid = GridSpec.covering(GridSpec.toE7(e.getMinX()), GridSpec.toE7(e.getMinY()),
                GridSpec.toE7(e.getMaxX()), GridSpec.toE7(e.getMaxY()), CELL_E7);
        this.locator = new IndexedPointInAreaLocator(g);
        this.raster = GridRaster.classify(g, grid, locator);
        int n = 0;
        int[] tmp = new int[raster.width() * raster.height()];
        for (int dr = 0; dr < raster.height(); dr++) {
            for (int dc = 0; dc < raster.width(); dc++) {
                if (raster.at(dc, dr) != GridRaster.OUTSIDE) {
                    tmp[n++] = dr * raster.width() + dc;
                }
            }
        }
        this.cells = java.util.Arrays.copyOf(tmp, n);
        Coordinate c = g.getInteriorPoint().getCoordinate();
        this.centreX = c.x;
        this.centreY = c.y;
        this.sigma = Math.sqrt(g.getArea()) / 5;
        this.clusterShare = clusterShare;
    }

    /** A point strictly inside the geometry, as {x = lon, y = lat} written into {@code out}. */
    public void sample(SplittableRandom random, Coordinate out) {
        if (cells.length == 0) {
            out.x = centreX;
            out.y = centreY;
            return;
        }
        if (random.nextDouble() < clusterShare) {
            for (int tries = 0; tries < 8; tries++) {
                out.x = centreX + gaussian(random) * sigma;
                out.y = centreY + gaussian(random) * sigma;
                if (inside(out)) {
                    return;
                }
            }
        }
        double cell = grid.cellDegrees();
        while (true) {
            int k = cells[random.nextInt(cells.length)];
            int dc = k % raster.width();
            int dr = k / raster.width();
            out.x = grid.lonOf(raster.firstCol() + dc) + random.nextDouble() * cell;
            out.y = grid.latOf(raster.firstRow() + dr) + random.nextDouble() * cell;
            if (raster.at(dc, dr) == GridRaster.INSIDE || locator.locate(out) == Location.INTERIOR) {
                return;
            }
        }
    }

    private boolean inside(Coordinate p) {
        int dc = grid.colAt(p.x) - raster.firstCol();
        int dr = grid.rowAt(p.y) - raster.firstRow();
        if (dc < 0 || dr < 0 || dc >= raster.width() || dr >= raster.height()) {
            return false;
        }
        byte s = raster.at(dc, dr);
        return s == GridRaster.INSIDE || (s == GridRaster.EDGE && locator.locate(p) == Location.INTERIOR);
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
