package io.tocsin.security;

import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * Looks up the outline of a region code (from the engine's geography), so that a publisher scoped by
 * polygon can send geocodes and one scoped by region codes can send polygons. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface RegionShapes {

    RegionShapes NONE = code -> Optional.empty();

    Optional<Geometry> shapeOf(String code);
}
