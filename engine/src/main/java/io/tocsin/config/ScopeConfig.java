package io.tocsin.config;

import java.util.List;

/**
 * What a publisher may publish, as written in the configuration. Empty lists mean "no restriction" for
 * categories, statuses and channels; for the area, a publisher with neither {@code regions} nor
 * {@code polygons} may target anywhere. Immutable.
 *
 * @param regions     region codes (GB/T 2260 6/9/12 digits: covers that region and everything under it;
 *                    other codes such as SAME match exactly)
 * @param polygons    CAP-style polygons ("lat,lon lat,lon ...", closed) the alert's areas must lie within
 * @param categories  CAP categories (Met, Geo, ...)
 * @param statuses    CAP statuses (Actual, Exercise, Test, ...)
 * @param channels    channel kinds (SMS, CELL_BROADCAST, RADIO, TV, WEBHOOK)
 * @param maxSeverity highest CAP severity allowed (Minor &lt; Moderate &lt; Severe &lt; Extreme)
 */
public record ScopeConfig(
        List<String> regions,
        List<String> polygons,
        List<String> categories,
        List<String> statuses,
        List<String> channels,
        String maxSeverity) {

    public ScopeConfig {
        regions = regions == null ? List.of() : List.copyOf(regions);
        polygons = polygons == null ? List.of() : List.copyOf(polygons);
        categories = categories == null ? List.of() : List.copyOf(categories);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public static ScopeConfig unrestricted() {
        return new ScopeConfig(null, null, null, null, null, null);
    }
}
