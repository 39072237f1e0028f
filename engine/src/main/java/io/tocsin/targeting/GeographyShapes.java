package io.tocsin.targeting;

import io.tocsin.cap.NamedValue;
import io.tocsin.security.RegionShapes;
import io.tocsin.targeting.geo.GeocodeMatch;
import io.tocsin.targeting.geo.Geography;
import io.tocsin.targeting.geo.Region;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** Publisher scopes by region code, answered from the loaded geography (hierarchical GB/T 2260 codes). */
public final class GeographyShapes implements RegionShapes {
    private final Geography geography;

    public GeographyShapes(Geography geography) {
        this.geography = geography;
    }

    @Override
    public Optional<Geometry> shapeOf(String code) {
        GeocodeMatch match = geography.geocodes().resolve(new NamedValue("GB2260", code), "/scope");
        List<Region> regions = match.regions();
        if (regions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(UnaryUnionOp.union(regions.stream().map(Region::geometry).toList()));
    }
}
