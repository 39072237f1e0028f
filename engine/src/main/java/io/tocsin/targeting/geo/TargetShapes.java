package io.tocsin.targeting.geo;

import io.tocsin.cap.Reason;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The geometry an info block's areas stand for: every usable polygon, circle and geocoded region (each
 * kept separately so that a recipient inside any of them is targeted once), the regions named by geocode,
 * and the located reasons found on the way.
 */
public record TargetShapes(List<Geometry> geometries, List<Region> namedRegions, List<Reason> reasons) {

    public TargetShapes {
        geometries = List.copyOf(geometries);
        namedRegions = List.copyOf(namedRegions);
        reasons = List.copyOf(reasons);
    }

    public boolean isEmpty() {
        return geometries.isEmpty();
    }

    public Envelope envelope() {
        Envelope e = new Envelope();
        for (Geometry g : geometries) {
            e.expandToInclude(g.getEnvelopeInternal());
        }
        return e;
    }

    /** The union of all shapes as one geometry (for coverage and display; not used for recipient tests). */
    public Geometry union() {
        return Geo.union(Geo.FACTORY.buildGeometry(geometries));
    }
}
