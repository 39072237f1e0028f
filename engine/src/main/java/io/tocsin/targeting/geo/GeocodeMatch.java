package io.tocsin.targeting.geo;

import io.tocsin.cap.Reason;
import java.util.List;

/** What one CAP geocode resolved to: the regions it names (maybe none) and the located reasons. */
public record GeocodeMatch(List<Region> regions, List<Reason> reasons) {

    public GeocodeMatch {
        regions = List.copyOf(regions);
        reasons = List.copyOf(reasons);
    }
}
