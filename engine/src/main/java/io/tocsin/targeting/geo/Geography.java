package io.tocsin.targeting.geo;

import io.tocsin.cap.Area;
import io.tocsin.cap.NamedValue;
import io.tocsin.cap.Reason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * The regions with their geocode schemes and the shape rules: turns CAP areas into {@link TargetShapes}.
 * Reason paths are {@code /alert/info[i]/area[j]/polygon[k]} (also {@code circle[k]}, {@code geocode[k]}),
 * 0-based. Immutable; thread-safe.
 */
public final class Geography {
    private final RegionSet regions;
    private final GeocodeAliases aliases;
    private final Geocodes geocodes;
    private final AreaShapes shapes;

    public Geography(RegionSet regions, GeocodeAliases aliases, ShapeRules rules) {
        this.regions = regions;
        this.aliases = aliases;
        this.geocodes = new Geocodes(regions, aliases);
        this.shapes = new AreaShapes(rules);
    }

    public RegionSet regions() {
        return regions;
    }

    public GeocodeAliases aliases() {
        return aliases;
    }

    public Geocodes geocodes() {
        return geocodes;
    }

    public AreaShapes shapes() {
        return shapes;
    }

    public TargetShapes interpret(int infoIndex, List<Area> areas) {
        List<Geometry> out = new ArrayList<>();
        Set<Region> named = new LinkedHashSet<>();
        List<Reason> reasons = new ArrayList<>();
        String infoPath = "/alert/info[" + infoIndex + "]";
        if (areas == null || areas.isEmpty()) {
            reasons.add(Reason.error(infoPath, "GEO_NO_AREA", "no <area>: nobody can be targeted"));
            return new TargetShapes(out, List.of(), reasons);
        }
        for (int j = 0; j < areas.size(); j++) {
            Area a = areas.get(j);
            String path = infoPath + "/area[" + j + "]";
            int before = out.size();
            boolean matchedKnownRegion = false;
            boolean failed = false;
            for (int k = 0; k < a.polygons().size(); k++) {
                failed |= add(shapes.polygon(a.polygons().get(k), path + "/polygon[" + k + "]"), out, reasons);
            }
            for (int k = 0; k < a.circles().size(); k++) {
                failed |= add(shapes.circle(a.circles().get(k), path + "/circle[" + k + "]"), out, reasons);
            }
            for (int k = 0; k < a.geocodes().size(); k++) {
                NamedValue code = a.geocodes().get(k);
                GeocodeMatch m = geocodes.resolve(code, path + "/geocode[" + k + "]");
                reasons.addAll(m.reasons());
                matchedKnownRegion |= !m.regions().isEmpty();
                for (Region r : m.regions()) {
                    if (named.add(r)) {
                        out.add(r.geometry());
                    }
                }
                failed |= m.reasons().stream().anyMatch(Reason::isError);
            }
            // A geocode naming a region an earlier area already named (the same area in a second language)
            // targets it all the same: only an area that names nothing at all is empty.
            if (out.size() == before && !matchedKnownRegion && !failed) {
                reasons.add(Reason.error(path, "GEO_EMPTY_AREA",
                        "area '" + a.areaDesc() + "' has no polygon, circle or known geocode to target"));
            }
        }
        return new TargetShapes(out, new ArrayList<>(named), reasons);
    }

    private static boolean add(Shape s, List<Geometry> out, List<Reason> reasons) {
        reasons.addAll(s.reasons());
        if (s.usable()) {
            out.add(s.geometry());
        }
        return s.reasons().stream().anyMatch(Reason::isError);
    }
}
