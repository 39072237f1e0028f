package io.tocsin.targeting.coverage;

import io.tocsin.cap.Area;
import io.tocsin.targeting.TargetingOptions;
import io.tocsin.targeting.directory.SubscriberDirectory;
import io.tocsin.targeting.geo.Geography;
import io.tocsin.targeting.geo.Region;
import io.tocsin.targeting.geo.TargetShapes;
import io.tocsin.targeting.grid.GridRaster;
import io.tocsin.targeting.grid.GridSpec;
import io.tocsin.targeting.sites.CellSite;
import io.tocsin.targeting.sites.SiteCatalog;
import io.tocsin.targeting.sites.Transmitter;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * Computes {@link Coverage} for CAP areas on the {@link PopulationGrid}: a grid cell is in the area when its
 * centre is; a broadcast channel reaches a cell when a targeted site (same selection policy as the
 * resolver) covers its centre; SMS reaches the cell's subscribers scaled to people. Immutable after
 * construction; thread-safe.
 */
public final class CoverageEstimator {
    private final Geography geography;
    private final SiteCatalog sites;
    private final TargetingOptions options;
    private final PopulationGrid population;

    public CoverageEstimator(Geography geography, SubscriberDirectory directory, SiteCatalog sites,
                             TargetingOptions options) {
        this.geography = geography;
        this.sites = sites;
        this.options = options;
        this.population = new PopulationGrid(geography.regions(), directory, PopulationGrid.DEFAULT_CELL_E7);
    }

    public PopulationGrid population() {
        return population;
    }

    public Coverage estimate(int infoIndex, List<Area> areas) {
        return estimate(geography.interpret(infoIndex, areas));
    }

    public Coverage estimate(TargetShapes shapes) {
        GridSpec grid = population.grid();
        boolean[] inArea = new boolean[grid.cells()];
        for (Geometry g : shapes.geometries()) {
            markInside(g, grid, inArea);
        }
        boolean[] cb = new boolean[grid.cells()];
        for (int i : sites.selectCells(shapes.geometries(), options.minCellOverlap())) {
            CellSite c = sites.cells().get(i);
            markCovered(sites.cellCoverage(i).getEnvelopeInternal(), grid, cb, c::covers);
        }
        boolean[] radio = new boolean[grid.cells()];
        boolean[] tv = new boolean[grid.cells()];
        for (int i : sites.selectTransmitters(shapes.geometries(), options.minTransmitterOverlap())) {
            Transmitter t = sites.transmitters().get(i);
            markCovered(sites.transmitterCoverage(i).getEnvelopeInternal(), grid,
                    t.kind() == Transmitter.Kind.RADIO ? radio : tv, t::covers);
        }
        return aggregate(grid, inArea, cb, radio, tv);
    }

    private Coverage aggregate(GridSpec grid, boolean[] inArea, boolean[] cb, boolean[] radio, boolean[] tv) {
        int regions = geography.regions().size();
        double[][] perRegion = new double[regions + 1][6];
        double[] total = new double[6];
        double overshoot = 0;
        List<CoverageCell> cells = new ArrayList<>();
        for (int k = 0; k < grid.cells(); k++) {
            double people = population.people(k);
            if (!inArea[k]) {
                overshoot += cb[k] ? people : 0;
                continue;
            }
            if (people <= 0) {
                continue;
            }
            double sms = population.smsPeople(k);
            double any = cb[k] || radio[k] || tv[k] ? people : sms;
            double[] row = {people, sms, cb[k] ? people : 0, radio[k] ? people : 0, tv[k] ? people : 0, any};
            int r = population.region(k);
            double[] acc = perRegion[r < 0 ? regions : r];
            for (int j = 0; j < 6; j++) {
                acc[j] += row[j];
                total[j] += row[j];
            }
            String code = r < 0 ? null : geography.regions().get(r).code();
            cells.add(new CoverageCell(population.centreLat(k), population.centreLon(k), grid.cellDegrees(), code,
                    Math.round(people), Math.round(sms), cb[k], radio[k], tv[k], Math.round(any)));
        }
        List<RegionCoverage> byRegion = new ArrayList<>();
        for (int r = 0; r < regions; r++) {
            double[] a = perRegion[r];
            if (a[0] > 0) {
                Region region = geography.regions().get(r);
                byRegion.add(new RegionCoverage(region.code(), region.displayName(), Math.round(a[0]), Math.round(a[1]),
                        Math.round(a[2]), Math.round(a[3]), Math.round(a[4]), Math.round(a[5]),
                        Math.round(a[0]) - Math.round(a[5])));
            }
        }
        long pop = Math.round(total[0]);
        long any = Math.round(total[5]);
        return new Coverage(pop, Math.round(total[1]), Math.round(total[2]), Math.round(total[3]), Math.round(total[4]),
                any, pop - any, Math.round(overshoot), byRegion, cells);
    }

    private static void markInside(Geometry g, GridSpec grid, boolean[] inArea) {
        IndexedPointInAreaLocator loc = new IndexedPointInAreaLocator(g);
        GridRaster raster = GridRaster.classify(g, grid, loc);
        Coordinate centre = new Coordinate();
        double half = grid.cellDegrees() / 2;
        for (int dr = 0; dr < raster.height(); dr++) {
            for (int dc = 0; dc < raster.width(); dc++) {
                byte s = raster.at(dc, dr);
                if (s == GridRaster.OUTSIDE) {
                    continue;
                }
                int c = raster.firstCol() + dc;
                int r = raster.firstRow() + dr;
                centre.x = grid.lonOf(c) + half;
                centre.y = grid.latOf(r) + half;
                if (s == GridRaster.INSIDE || loc.locate(centre) == Location.INTERIOR) {
                    inArea[r * grid.cols() + c] = true;
                }
            }
        }
    }

    private interface PointTest {
        boolean covers(double lat, double lon);
    }

    private static void markCovered(Envelope e, GridSpec grid, boolean[] marks, PointTest test) {
        double half = grid.cellDegrees() / 2;
        int c0 = Math.max(0, grid.colAt(e.getMinX() - half));
        int c1 = Math.min(grid.cols() - 1, grid.colAt(e.getMaxX() + half));
        int r0 = Math.max(0, grid.rowAt(e.getMinY() - half));
        int r1 = Math.min(grid.rows() - 1, grid.rowAt(e.getMaxY() + half));
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int k = r * grid.cols() + c;
                if (!marks[k] && test.covers(grid.latOf(r) + half, grid.lonOf(c) + half)) {
                    marks[k] = true;
                }
            }
        }
    }
}
