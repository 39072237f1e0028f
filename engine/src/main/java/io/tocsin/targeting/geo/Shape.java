package io.tocsin.targeting.geo;

import io.tocsin.cap.Reason;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A parsed CAP polygon or circle: the polygonal geometry to target (null when the input is unusable) and
 * the located reasons found while parsing and repairing it.
 */
public record Shape(Geometry geometry, List<Reason> reasons) {

    public Shape {
        reasons = List.copyOf(reasons);
    }

    public boolean usable() {
        return geometry != null && !geometry.isEmpty();
    }
}
