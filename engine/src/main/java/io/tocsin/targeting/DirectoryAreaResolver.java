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
        return wholeArea(shapes, emitter.emitted(), byCarrier, Math.round(population));
    }

    /** The whole-area part without walking the directory: recipients and population are -1 (not counted). */
    @Override
    public Resolution resolveAreas(List<Area> areas, Audience audience) {
        return wholeArea(geography.interpret(0, areas), -1, Map.of(), -1);
    }

    private Resolution wholeArea(TargetShapes shapes, long recipients, Map<String, Long> byCarrier, long population) {
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
        return new Resolution(recipients, byCarrier, sites.cellIdsByCarrier(cells), radio, tv,
                regionCodes, sameCodes, population, shapes.reasons());
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
