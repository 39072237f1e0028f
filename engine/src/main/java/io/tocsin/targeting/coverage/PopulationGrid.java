package io.tocsin.targeting.coverage;

import io.tocsin.targeting.directory.SubscriberDirectory;
import io.tocsin.targeting.geo.Region;
import io.tocsin.targeting.geo.RegionSet;
import io.tocsin.targeting.grid.GridRaster;
import io.tocsin.targeting.grid.GridSpec;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;

/**
 * Where people are, independent of who subscribes: each region's census population spread evenly over the
 * cells (about 500 m) whose centres lie in it, plus how many directory subscribers live in each cell and how
 * many people a subscriber of that region stands for. The base for coverage and blind spots. Immutable after
 * construction; thread-safe.
 */
public final class PopulationGrid {
    public static final int DEFAULT_CELL_E7 = 50_000;

    private final GridSpec grid;
    private final double[] people;
    private final byte[] region;
    private final int[] subscribers;
    private final double[] peoplePerSubscriber;

    public PopulationGrid(RegionSet regions, SubscriberDirectory directory, int cellE7) {
        Envelope e = regions.envelope();
        grid = GridSpec.covering(GridSpec.toE7(e.getMinX()), GridSpec.toE7(e.getMinY()),
                GridSpec.toE7(e.getMaxX()), GridSpec.toE7(e.getMaxY()), cellE7);
        people = new double[grid.cells()];
        region = new byte[grid.cells()];
        java.util.Arrays.fill(region, (byte) 0xff);
        subscribers = new int[grid.cells()];
        for (int ri = 0; ri < regions.size(); ri++) {
            spread(regions.get(ri), ri);
        }
        long[] subsPerRegion = new long[256];
        for (int i = 0; i < directory.size(); i++) {
            int c = grid.col(directory.lonE7(i));
            int r = grid.row(directory.latE7(i));
            if (c >= 0 && r >= 0 && c < grid.cols() && r < grid.rows()) {
                subscribers[r * grid.cols() + c]++;
            }
            subsPerRegion[directory.regionIndex(i)]++;
        }
        peoplePerSubscriber = new double[256];
        for (int ri = 0; ri < regions.size(); ri++) {
            int b = directory.regionCodes().indexOf(regions.get(ri).code());
            if (b >= 0 && subsPerRegion[b] > 0) {
                peoplePerSubscriber[ri] = (double) regions.get(ri).population() / subsPerRegion[b];
            }
        }
    }

    private void spread(Region r, int ri) {
        IndexedPointInAreaLocator loc = new IndexedPointInAreaLocator(r.geometry());
        GridRaster raster = GridRaster.classify(r.geometry(), grid, loc);
        int[] mine = new int[raster.width() * raster.height()];
        int n = 0;
        Coordinate centre = new Coordinate();
        double half = grid.cellDegrees() / 2;
        for (int dr = 0; dr < raster.height(); dr++) {
            for (int dc = 0; dc < raster.width(); dc++) {
                byte s = raster.at(dc, dr);
                int c = raster.firstCol() + dc;
                int row = raster.firstRow() + dr;
                centre.x = grid.lonOf(c) + half;
                centre.y = grid.latOf(row) + half;
                if (s == GridRaster.INSIDE || (s == GridRaster.EDGE && loc.locate(centre) == Location.INTERIOR)) {
                    mine[n++] = row * grid.cols() + c;
                }
            }
        }
        if (n == 0) {
            Coordinate p = r.geometry().getInteriorPoint().getCoordinate();
            mine[n++] = Math.min(grid.rows() - 1, grid.rowAt(p.y)) * grid.cols() + Math.min(grid.cols() - 1, grid.colAt(p.x));
        }
        double each = (double) r.population() / n;
        for (int k = 0; k < n; k++) {
            people[mine[k]] += each;
            region[mine[k]] = (byte) ri;
        }
    }

    public GridSpec grid() {
        return grid;
    }

    public double people(int cell) {
        return people[cell];
    }

    /** Index of the region the cell's people belong to, or -1. */
    public int region(int cell) {
        int r = region[cell] & 0xff;
        return r == 0xff ? -1 : r;
    }

    public int subscribers(int cell) {
        return subscribers[cell];
    }

    /** People reachable by SMS in the cell: its subscribers times people per subscriber, at most its people. */
    public double smsPeople(int cell) {
        int r = region(cell);
        return r < 0 ? 0 : Math.min(people[cell], subscribers[cell] * peoplePerSubscriber[r]);
    }

    public double centreLon(int cell) {
        return grid.lonOf(cell % grid.cols()) + grid.cellDegrees() / 2;
    }

    public double centreLat(int cell) {
        return grid.latOf(cell / grid.cols()) + grid.cellDegrees() / 2;
    }
}
