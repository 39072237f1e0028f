package io.tocsin.report;

import io.tocsin.cap.Alert;
import io.tocsin.targeting.Audience;
import io.tocsin.targeting.DirectoryAreaResolver;
import io.tocsin.targeting.Recipient;
import io.tocsin.targeting.Resolution;
import io.tocsin.targeting.geo.Geo;
import io.tocsin.targeting.geo.Region;
import io.tocsin.targeting.geo.RegionSet;
import io.tocsin.targeting.geo.TargetShapes;
import io.tocsin.targeting.sites.SiteCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;

/**
 * Reach per region vs population, blind spots and overshoot of an alert's first info block, from the same
 * geography, subscriber directory and site catalogue the engine targeted with. Estimates: population is
 * spread evenly over each leaf region's area (the directory and census give no finer grain), and a place
 * counts as covered by a channel when it lies inside the coverage polygon of a cell or transmitter the
 * targeting selected. Recipients per region are the directory's subscribers the area selects for the alert's
 * audience (re-resolved at report time). Thread-safe (reads immutable targeting data).
 */
public final class ReportGeography {

    private final DirectoryAreaResolver resolver;
    private final List<Region> leaves;

    public ReportGeography(DirectoryAreaResolver resolver) {
        this.resolver = resolver;
        RegionSet regions = resolver.geography().regions();
        Set<String> parents = new HashSet<>();
        for (Region r : regions.all()) {
            if (r.parentCode() != null) {
                parents.add(r.parentCode());
            }
        }
        List<Region> out = new ArrayList<>();
        for (Region r : regions.all()) {
            if (!parents.contains(r.code())) {
                out.add(r);
            }
        }
        this.leaves = List.copyOf(out);
    }

    /** The geography section of the report (a JSON-ready map), or a map with an "error" when it fails. */
    public Map<String, Object> estimate(Alert alert) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (alert.infos().isEmpty() || alert.infos().get(0).areas().isEmpty()) {
            out.put("note", "the alert names no area");
            return out;
        }
        try {
            fill(alert, out);
        } catch (RuntimeException e) {
            out.put("error", "estimate unavailable: " + e.getMessage());
        }
        return out;
    }

    private void fill(Alert alert, Map<String, Object> out) {
        TargetShapes shapes = resolver.geography().interpret(0, alert.infos().get(0).areas());
        if (shapes.isEmpty()) {
            out.put("note", "the area resolves to no shape");
            return;
        }
        Geometry target = shapes.union();
        Map<String, Long> recipientsByRegion = new HashMap<>();
        Resolution res = resolver.resolve(0, alert.infos().get(0).areas(), Audience.ofStatus(alert.status()),
                batch -> {
                    for (Recipient r : batch) {
                        recipientsByRegion.merge(r.regionCode(), 1L, Long::sum);
                    }
                });
        SiteCatalog sites = resolver.sites();
        Geometry cells = union(sites, sites.selectCells(shapes.geometries(), resolver.options().minCellOverlap()),
                true);
        Geometry broadcast = union(sites, sites.selectTransmitters(shapes.geometries(),
                resolver.options().minTransmitterOverlap()), false);
        Geometry any = cells.union(broadcast);
        Geometry outside = any.difference(target);

        List<Map<String, Object>> regions = new ArrayList<>();
        double popIn = 0;
        double popCells = 0;
        double popBroadcast = 0;
        double blind = 0;
        double overshoot = 0;
        for (Region r : leaves) {
            Geometry g = r.geometry();
            double area = g.getArea();
            if (area <= 0) {
                continue;
            }
            double density = r.population() / area;
            if (!outside.isEmpty() && g.getEnvelopeInternal().intersects(outside.getEnvelopeInternal())
                    && g.intersects(outside)) {
                overshoot += density * g.intersection(outside).getArea();
            }
            if (!g.getEnvelopeInternal().intersects(target.getEnvelopeInternal()) || !g.intersects(target)) {
                continue;
            }
            Geometry inside = g.intersection(target);
            double in = density * inside.getArea();
            if (in < 0.5) {
                continue;
            }
            double byCells = density * inside.intersection(cells).getArea();
            double byBroadcast = density * inside.intersection(broadcast).getArea();
            double uncovered = density * inside.difference(any).getArea();
            popIn += in;
            popCells += byCells;
            popBroadcast += byBroadcast;
            blind += uncovered;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("region", r.code());
            row.put("name", r.displayName());
            row.put("populationInArea", Math.round(in));
            row.put("smsRecipients", recipientsByRegion.getOrDefault(r.code(), 0L));
            row.put("cellBroadcastPopulation", Math.round(byCells));
            row.put("radioTvPopulation", Math.round(byBroadcast));
            row.put("blindSpotPopulation", Math.round(uncovered));
            regions.add(row);
        }
        out.put("method", "estimate: population spread evenly over each region; covered = inside a selected "
                + "cell's or transmitter's coverage polygon");
        out.put("populationInArea", Math.round(popIn));
        out.put("smsRecipients", res.recipients());
        out.put("cellBroadcastPopulation", Math.round(popCells));
        out.put("radioTvPopulation", Math.round(popBroadcast));
        out.put("blindSpotPopulation", Math.round(blind));
        out.put("overshootPopulation", Math.round(overshoot));
        out.put("cellsByCarrier", res.cellsByCarrier());
        out.put("transmitters", res.transmitters());
        out.put("stations", res.stations());
        out.put("regions", regions);
    }

    private static Geometry union(SiteCatalog sites, int[] selected, boolean cells) {
        List<Geometry> polygons = new ArrayList<>(selected.length);
        for (int i : selected) {
            polygons.add(cells ? sites.cellCoverage(i) : sites.transmitterCoverage(i));
        }
        if (polygons.isEmpty()) {
            return Geo.FACTORY.createPolygon();
        }
        Geometry u = CascadedPolygonUnion.union(polygons);
        return u == null ? Geo.FACTORY.createPolygon() : u;
    }
}
