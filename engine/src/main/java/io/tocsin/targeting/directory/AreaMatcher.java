package io.tocsin.targeting.directory;

import io.tocsin.targeting.grid.GridRaster;
import io.tocsin.targeting.grid.GridSpec;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * Finds the subscribers strictly inside a polygonal geometry — exactly those for which JTS
 * {@code PreparedGeometry.contains(point)} holds — without testing most of them: grid cells wholly inside
 * are taken as index ranges (a run of inside cells along a row is one contiguous range, because the
 * directory is sorted by cell key), cells the boundary passes through are tested point by point with the
 * same {@link IndexedPointInAreaLocator} that JTS's prepared polygon uses. Stateless; thread-safe.
 */
public final class AreaMatcher {

    /** Receives matches in directory index order within each row run. */
    public interface Visitor {
        /** Every subscriber in {@code [from, to)} is inside. */
        void range(int from, int to);

        /** Subscriber {@code i} is inside. */
        void one(int i);
    }

    private AreaMatcher() {
    }

    public static void visit(SubscriberDirectory d, Geometry area, Visitor v) {
        if (area == null || area.isEmpty() || d.size() == 0) {
            return;
        }
        GridSpec grid = d.grid();
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(area);
        GridRaster raster = GridRaster.classify(area, grid, locator);
        Coordinate p = new Coordinate();
        int w = raster.width();
        for (int dr = 0; dr < raster.height(); dr++) {
            int rowKey = (raster.firstRow() + dr) * grid.cols() + raster.firstCol();
            int dc = 0;
            while (dc < w) {
                byte s = raster.at(dc, dr);
                if (s == GridRaster.INSIDE) {
                    int start = dc;
                    while (dc < w && raster.at(dc, dr) == GridRaster.INSIDE) {
                        dc++;
                    }
                    int from = d.cellStart(rowKey + start);
                    int to = d.cellStart(rowKey + dc);
                    if (to > from) {
                        v.range(from, to);
                    }
                    continue;
                }
                if (s == GridRaster.EDGE) {
                    int to = d.cellStart(rowKey + dc + 1);
                    for (int i = d.cellStart(rowKey + dc); i < to; i++) {
                        p.x = d.lon(i);
                        p.y = d.lat(i);
                        if (locator.locate(p) == Location.INTERIOR) {
                            v.one(i);
                        }
                    }
                }
                dc++;
            }
        }
    }

    /** Number of subscribers inside: the fast path benchmarks measure. */
    public static long count(SubscriberDirectory d, Geometry area) {
        long[] n = new long[1];
        visit(d, area, new Visitor() {
            @Override
            public void range(int from, int to) {
                n[0] += to - from;
            }

            @Override
            public void one(int i) {
                n[0]++;
            }
        });
        return n[0];
    }
}
