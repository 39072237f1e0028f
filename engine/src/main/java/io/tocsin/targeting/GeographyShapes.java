package io.tocsin.targeting;

import io.tocsin.cap.NamedValue;
import io.tocsin.security.RegionShapes;
import io.tocsin.targeting.geo.GeocodeMatch;
import io.tocsin.targeting.geo.Geography;
import io.tocsin.targeting.geo.Region;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Publisher scopes by region code, answered from the loaded geography (hierarchical GB/T 2260 codes). The union
 * of a code's regions is kept (up to {@value #MAX_REMEMBERED} codes; codes come from requests) because it costs
 * milliseconds to build. Thread-safe.
 */
public final class GeographyShapes implements RegionShapes {
    private static final int MAX_REMEMBERED = 1024;

    private final Geography geography;
    private final Map<String, Optional<Geometry>> remembered = new ConcurrentHashMap<>();

    public GeographyShapes(Geography geography) {
        this.geography = geography;
    }

    @Override
    public Optional<Geometry> shapeOf(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Optional<Geometry> known = remembered.get(code);
        if (known != null) {
            return known;
        }
        Optional<Geometry> shape = outline(code);
        if (remembered.size() < MAX_REMEMBERED) {
            remembered.putIfAbsent(code, shape);
        }
        return shape;
    }

    private Optional<Geometry> outline(String code) {
        GeocodeMatch match = geography.geocodes().resolve(new NamedValue("GB2260", code), "/scope");
        List<Region> regions = match.regions();
        if (regions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(UnaryUnionOp.union(regions.stream().map(Region::geometry).toList()));
    }
}
