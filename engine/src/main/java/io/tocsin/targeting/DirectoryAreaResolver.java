package io.tocsin.targeting;

import io.tocsin.cap.Area;
import io.tocsin.targeting.directory.AreaMatcher;
import io.tocsin.targeting.directory.SubscriberDirectory;
import io.tocsin.targeting.geo.Geocodes;
import io.tocsin.targeting.geo.Geography;
import io.tocsin.targeting.geo.Region;
import io.tocsin.targeting.geo.RegionSet;
import io.tocsin.targeting.geo.TargetShapes;
import io.tocsin.targeting.sites.SiteCatalog;
import io.tocsin.targeting.sites.Transmitter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The {@link AreaResolver} over a {@link SubscriberDirectory}, a {@link Geography} and a {@link SiteCatalog}:
 * interprets the areas (reasons located under {@code /alert/info[i]}), streams the union of their recipients
 * in batches of {@link TargetingOptions#batchSize()} as they are found, and returns cells per carrier,
 * transmitters, TV stations, region and SAME codes and the population estimate. Immutable after
 * construction; thread-safe (each call works on its own state).
 */
public final class DirectoryAreaResolver implements AreaResolver {
    private final Geography geography;
    private final SubscriberDirectory directory;
    private final SiteCatalog sites;
    private final TargetingOptions options;
    private final PreparedGeometry[] preparedRegions;
    private final double[] peoplePerSubscriber;
    private final WholeAreaCache wholeAreas = new WholeAreaCache(MAX_CACHED_AREAS);
    /** Whole-area parts kept (single regions first, then combinations met): a few KiB each at most. */
    static final int MAX_CACHED_AREAS = 4096;

    public DirectoryAreaResolver(Geography geography, SubscriberDirectory directory, SiteCatalog sites,
                                 TargetingOptions options) {
        this.geography = geography;
        this.directory = directory;
        this.sites = sites;
        this.options = options;
        RegionSet regions = geography.regions();
        preparedRegions = new PreparedGeometry[regions.size()];
        for (int i = 0; i < preparedRegions.length; i++) {
            preparedRegions[i] = PreparedGeometryFactory.prepare(regions.get(i).geometry());
        }
        peoplePerSubscriber = peoplePerSubscriber(regions, directory);
    }

    public Geography geography() {
        return geography;
    }

    public SubscriberDirectory directory() {
        return directory;
    }

    public SiteCatalog sites() {
        return sites;
    }

    public TargetingOptions options() {
        return options;
    }

    /** How many people one subscriber of each region byte stands for (population / subscribers there). */
    public double peoplePerSubscriber(int regionByte) {
        return peoplePerSubscriber[regionByte];
    }

    @Override
    public Resolution resolve(List<Area> areas, Audience audience, RecipientSink sink) {
        return resolve(0, areas, audience, sink);
    }

    @Override
    public Resolution resolve(int infoIndex, List<Area> areas, Audience audience, RecipientSink sink) {
        TargetShapes shapes = geography.interpret(infoIndex, areas);
        List<Geometry> geoms = shapes.geometries();
        RecipientEmitter emitter = new RecipientEmitter(directory, audience, sink, options.batchSize(), geoms.size() > 1);
        for (Geometry g : geoms) {
            AreaMatcher.visit(directory, g, emitter);
        }
        emitter.flush();

        Map<String, Long> byCarrier = new LinkedHashMap<>();
        long[] perCarrier = emitter.perCarrier();
        for (int c = 0; c < perCarrier.length; c++) {
            byCarrier.put(directory.carriers().get(c), perCarrier[c]);
        }
        double population = 0;
        long[] perRegion = emitter.perRegion();
        for (int r = 0; r < perRegion.length; r++) {
            population += perRegion[r] * peoplePerSubscriber[r];
        }
        return wholeArea(areas, shapes, emitter.emitted(), byCarrier, Math.round(population));
    }

    /** The whole-area part without walking the directory: recipients and population are -1 (not counted). */
    @Override
    public Resolution resolveAreas(List<Area> areas, Audience audience) {
        return wholeArea(areas, geography.interpret(0, areas), -1, Map.of(), -1);
    }

    /**
     * The whole-area part when the areas only name regions whose part is already known (a lookup, no geometry
     * work), else null.
     */
    @Override
    public Resolution precomputedAreas(List<Area> areas, Audience audience) {
        if (!geocodesOnly(areas)) {
            return null;
        }
        TargetShapes shapes = geography.interpret(0, areas);
        List<String> key = regionKey(shapes);
        WholeAreaCache.Part part = key == null ? null : wholeAreas.get(key);
        return part == null ? null : resolution(part, shapes, -1, Map.of(), -1);
    }

    /**
     * Finds the whole-area part of each single region ahead of time (at most {@code maxRegions}), so that a warning
     * naming a region by geocode gets its cells by lookup. Call once from a background thread after loading; returns
     * how many regions were added.
     */
    public int precomputeRegions(int maxRegions) {
        RegionSet regions = geography.regions();
        int added = 0;
        for (int i = 0; i < regions.size() && i < maxRegions; i++) {
            Region r = regions.get(i);
            List<String> key = List.of(r.code());
            if (!wholeAreas.contains(key)) {
                wholeAreas.put(key, part(new TargetShapes(List.of(r.geometry()), List.of(r), List.of())));
                added++;
            }
        }
        return added;
    }

    /** Whole-area parts known now (single regions and combinations). */
    public int precomputedParts() {
        return wholeAreas.size();
    }

    private Resolution wholeArea(List<Area> areas, TargetShapes shapes, long recipients, Map<String, Long> byCarrier,
                                 long population) {
        List<String> key = geocodesOnly(areas) ? regionKey(shapes) : null;
        WholeAreaCache.Part part = key == null ? null : wholeAreas.get(key);
        if (part == null) {
            part = part(shapes);
            if (key != null) {
                wholeAreas.put(key, part);
            }
        }
        return resolution(part, shapes, recipients, byCarrier, population);
    }

    private static Resolution resolution(WholeAreaCache.Part p, TargetShapes shapes, long recipients,
                                         Map<String, Long> byCarrier, long population) {
        return new Resolution(recipients, byCarrier, p.cellsByCarrier(), p.transmitters(), p.stations(),
                p.regionCodes(), p.sameCodes(), population, shapes.reasons());
    }

    /** No polygon or circle: what the areas stand for is their named regions alone. */
    private static boolean geocodesOnly(List<Area> areas) {
        if (areas == null || areas.isEmpty()) {
            return false;
        }
        for (Area a : areas) {
            if (!a.polygons().isEmpty() || !a.circles().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The named regions' codes when the shapes are exactly those regions, else null (not cacheable). */
    private static List<String> regionKey(TargetShapes shapes) {
        List<Region> named = shapes.namedRegions();
        if (named.isEmpty() || named.size() != shapes.geometries().size()) {
            return null;
        }
        List<String> key = new ArrayList<>(named.size());
        for (int i = 0; i < named.size(); i++) {
            if (shapes.geometries().get(i) != named.get(i).geometry()) {
                return null;
            }
            key.add(named.get(i).code());
        }
        return key;
    }

    /** Cells, transmitters, stations, region and SAME codes of the shapes (the geometry work). */
    private WholeAreaCache.Part part(TargetShapes shapes) {
        List<Geometry> geoms = shapes.geometries();
        List<String> regionCodes = regionsTouched(shapes);
        List<String> sameCodes = new ArrayList<>();
        for (String code : regionCodes) {
            sameCodes.addAll(geography.aliases().codesFor(Geocodes.SAME, code));
        }
        int[] cells = sites.selectCells(geoms, options.minCellOverlap());
        int[] txs = sites.selectTransmitters(geoms, options.minTransmitterOverlap());
        List<String> radio = new ArrayList<>();
        List<String> tv = new ArrayList<>();
        for (int i : txs) {
            Transmitter t = sites.transmitters().get(i);
            (t.kind() == Transmitter.Kind.RADIO ? radio : tv).add(t.id());
        }
        return new WholeAreaCache.Part(sites.cellIdsByCarrier(cells), radio, tv, regionCodes, sameCodes);
    }

    private List<String> regionsTouched(TargetShapes shapes) {
        Set<String> out = new LinkedHashSet<>();
        for (Region r : shapes.namedRegions()) {
            out.add(r.code());
        }
        RegionSet regions = geography.regions();
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            if (out.contains(r.code()) || shapes.namedRegions().contains(r)) {
                continue;
            }
            for (Geometry g : shapes.geometries()) {
                if (preparedRegions[i].intersects(g)
                        && OverlayNGRobust.overlay(r.geometry(), g, OverlayNG.INTERSECTION).getArea() > 0) {
                    out.add(r.code());
                    break;
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static double[] peoplePerSubscriber(RegionSet regions, SubscriberDirectory d) {
        long[] subs = new long[256];
        for (int i = 0; i < d.size(); i++) {
            subs[d.regionIndex(i)]++;
        }
        double[] out = new double[256];
        for (int r = 0; r < d.regionCodes().size(); r++) {
            Region region = regions.byCode(d.regionCodes().get(r));
            if (region != null && subs[r] > 0) {
                out[r] = (double) region.population() / subs[r];
            }
        }
        return out;
    }
}
