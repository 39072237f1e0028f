package io.tocsin.targeting;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole-area part of areas that only name regions by geocode (a district, a county: what most warnings
 * target), per list of named region codes: the cells per carrier, transmitters, stations, region and SAME
 * codes. It depends on nothing but the regions, so it is found once — ahead of time for every single region
 * ({@link DirectoryAreaResolver#precomputeRegions}), as a carrier provisions "the cells of this district" in its
 * CBC — and on first use for other combinations, up to a bound. Then a district warning's cell broadcast is a
 * lookup instead of a geometry walk on a busy CPU.
 *
 * <p>Thread-safety: thread-safe (a concurrent map of immutable values).
 */
final class WholeAreaCache {
    /** The region-independent part of a {@link Resolution} (reasons and counts belong to each call). */
    record Part(Map<String, List<String>> cellsByCarrier, List<String> transmitters, List<String> stations,
                List<String> regionCodes, List<String> sameCodes) {
        Part {
            Map<String, List<String>> cells = new LinkedHashMap<>(); // carriers in first-seen order, as computed
            cellsByCarrier.forEach((carrier, ids) -> cells.put(carrier, List.copyOf(ids)));
            cellsByCarrier = Collections.unmodifiableMap(cells);
            transmitters = List.copyOf(transmitters);
            stations = List.copyOf(stations);
            regionCodes = List.copyOf(regionCodes);
            sameCodes = List.copyOf(sameCodes);
        }
    }

    private final ConcurrentHashMap<List<String>, Part> parts = new ConcurrentHashMap<>();
    private final int maxEntries;

    WholeAreaCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The part for these region codes (in the order the areas name them), or null. */
    Part get(List<String> regionCodes) {
        return parts.get(regionCodes);
    }

    /** Keeps the part unless the cache is full (what is in it stays: single regions are put there first). */
    void put(List<String> regionCodes, Part part) {
        if (parts.size() < maxEntries) {
            parts.putIfAbsent(List.copyOf(regionCodes), part);
        }
    }

    boolean contains(List<String> regionCodes) {
        return parts.containsKey(regionCodes);
    }

    int size() {
        return parts.size();
    }
}
