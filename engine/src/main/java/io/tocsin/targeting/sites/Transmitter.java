package io.tocsin.targeting.sites;

import io.tocsin.targeting.geo.Geo;
import org.locationtech.jts.geom.Polygon;

/**
 * A broadcast site with a circular coverage area: a radio transmitter ({@link Kind#RADIO}) or a TV station
 * ({@link Kind#TV}). Immutable.
 */
public record Transmitter(String id, Kind kind, String name, double lat, double lon, double rangeKm) {

    public enum Kind { RADIO, TV }

    public Polygon coverage() {
        return Geo.circle(lat, lon, rangeKm, 72);
    }

    public boolean covers(double pLat, double pLon) {
        return Geo.distanceKm(lat, lon, pLat, pLon) <= rangeKm;
    }
}
