package io.tocsin.targeting.geo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * The loaded regions, looked up by exact code or by hierarchical code prefix (GB/T 2260: {@code 44} is the
 * province, {@code 4401} the city, {@code 440106} a district). Immutable after construction; thread-safe.
 */
public final class RegionSet {
    /** Most regions one set holds (a subscriber's region is one byte). */
    public static final int MAX_REGIONS = 255;

    private final List<Region> regions;
    private final Map<String, Integer> indexByCode = new LinkedHashMap<>();

    public RegionSet(List<Region> regions) {
        if (regions.size() > MAX_REGIONS) {
            throw new IllegalArgumentException("at most 255 regions per set (a byte per subscriber): " + regions.size());
        }
        this.regions = List.copyOf(regions);
        for (int i = 0; i < this.regions.size(); i++) {
            indexByCode.put(this.regions.get(i).code(), i);
        }
    }

    public List<Region> all() {
        return regions;
    }

    public int size() {
        return regions.size();
    }

    public Region get(int index) {
        return regions.get(index);
    }

    /** Index of the region with exactly this code, or -1. */
    public int indexOf(String code) {
        Integer i = indexByCode.get(code);
        return i == null ? -1 : i;
    }

    public Region byCode(String code) {
        int i = indexOf(code);
        return i < 0 ? null : regions.get(i);
    }

    /** Every region whose code starts with {@code prefix} (the whole hierarchy below it). */
    public List<Region> withPrefix(String prefix) {
        List<Region> out = new ArrayList<>();
        for (Region r : regions) {
            if (r.code().startsWith(prefix)) {
                out.add(r);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** A copy with populations taken from {@code populationByCode} (regions missing there keep theirs). */
    public RegionSet withPopulations(Map<String, Long> populationByCode) {
        List<Region> out = new ArrayList<>();
        for (Region r : regions) {
            long p = populationByCode.getOrDefault(r.code(), r.population());
            out.add(new Region(r.code(), r.nameZh(), r.nameEn(), r.parentCode(), r.geometry(), p));
        }
        return new RegionSet(out);
    }

    public long totalPopulation() {
        long sum = 0;
        for (Region r : regions) {
            sum += r.population();
        }
        return sum;
    }

    public Envelope envelope() {
        Envelope e = new Envelope();
        for (Region r : regions) {
            e.expandToInclude(r.geometry().getEnvelopeInternal());
        }
        return e;
    }
}
