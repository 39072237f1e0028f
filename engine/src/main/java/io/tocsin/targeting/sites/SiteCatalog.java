package io.tocsin.targeting.sites;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Every cell site, radio transmitter and TV station, with their coverage polygons in an STR-tree. Selection
 * policy: a site is targeted when its coverage intersects the area and at least {@code minOverlap} of its
 * coverage lies inside (0 = any intersection, so the alert covers 100% of the area; the population reached
 * outside it is the overshoot that {@code coverage} reports). Immutable after construction; thread-safe.
 */
public final class SiteCatalog {
    private final List<CellSite> cells;
    private final List<Transmitter> transmitters;
    private final Polygon[] cellCoverage;
    private final Polygon[] txCoverage;
    private final STRtree cellTree = new STRtree();
    private final STRtree txTree = new STRtree();

    public SiteCatalog(List<CellSite> cells, List<Transmitter> transmitters) {
        this.cells = List.copyOf(cells);
        this.transmitters = List.copyOf(transmitters);
        cellCoverage = new Polygon[this.cells.size()];
        for (int i = 0; i < cellCoverage.length; i++) {
            cellCoverage[i] = this.cells.get(i).coverage();
            cellTree.insert(cellCoverage[i].getEnvelopeInternal(), i);
        }
        txCoverage = new Polygon[this.transmitters.size()];
        for (int i = 0; i < txCoverage.length; i++) {
            txCoverage[i] = this.transmitters.get(i).coverage();
            txTree.insert(txCoverage[i].getEnvelopeInternal(), i);
        }
        cellTree.build();
        txTree.build();
    }

    public static SiteCatalog empty() {
        return new SiteCatalog(List.of(), List.of());
    }

    public List<CellSite> cells() {
        return cells;
    }

    public List<Transmitter> transmitters() {
        return transmitters;
    }

    public Polygon cellCoverage(int index) {
        return cellCoverage[index];
    }

    public Polygon transmitterCoverage(int index) {
        return txCoverage[index];
    }

    /** Indexes of the cells targeted for these shapes, in catalogue order. */
    public int[] selectCells(List<Geometry> shapes, double minOverlap) {
        return select(shapes, minOverlap, cellTree, cellCoverage);
    }

    /** Indexes of the transmitters and stations targeted for these shapes, in catalogue order. */
    public int[] selectTransmitters(List<Geometry> shapes, double minOverlap) {
        return select(shapes, minOverlap, txTree, txCoverage);
    }

    /** Targeted cell ids grouped per carrier (insertion order of carriers as first seen). */
    public Map<String, List<String>> cellIdsByCarrier(int[] selected) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i : selected) {
            CellSite c = cells.get(i);
            out.computeIfAbsent(c.carrier(), k -> new ArrayList<>()).add(c.id());
        }
        return out;
    }

    private static int[] select(List<Geometry> shapes, double minOverlap, STRtree tree, Polygon[] coverage) {
        boolean[] hit = new boolean[coverage.length];
        for (Geometry g : shapes) {
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(g);
            @SuppressWarnings("unchecked")
            List<Integer> candidates = tree.query(g.getEnvelopeInternal());
            for (int i : candidates) {
                if (hit[i] || !prepared.intersects(coverage[i])) {
                    continue;
                }
                if (minOverlap <= 0 || prepared.containsProperly(coverage[i])
                        || io.tocsin.targeting.geo.Geo.intersection(coverage[i], g).getArea() >= minOverlap * coverage[i].getArea()) {
                    hit[i] = true;
                }
            }
        }
        int n = 0;
        for (boolean b : hit) {
            n += b ? 1 : 0;
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < hit.length; i++) {
            if (hit[i]) {
                out[k++] = i;
            }
        }
        return out;
    }
}
