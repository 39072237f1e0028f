package io.tocsin.targeting.sites;

import io.tocsin.targeting.geo.Geo;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * One carrier's cell (sector) for cell broadcast: antenna position, azimuth (degrees clockwise from north),
 * beam width (360 = omni) and range. Its coverage is the sector polygon. Immutable.
 */
public record CellSite(String id, String carrier, double lat, double lon, double azimuthDeg, double beamwidthDeg,
                       double rangeKm) {

    /** The coverage sector as a lon/lat polygon (an arc of 2-degree steps, plus the antenna for sectors). */
    public Polygon coverage() {
        List<Coordinate> ring = new ArrayList<>();
        if (beamwidthDeg >= 360) {
            for (Coordinate c : Geo.circleRing(lat, lon, rangeKm, 36)) {
                ring.add(c);
            }
        } else {
            ring.add(new Coordinate(lon, lat));
            int steps = Math.max(2, (int) Math.ceil(beamwidthDeg / 10));
            double from = azimuthDeg - beamwidthDeg / 2;
            for (int i = 0; i <= steps; i++) {
                ring.add(Geo.destination(lat, lon, from + beamwidthDeg * i / steps, rangeKm));
            }
            ring.add(new Coordinate(lon, lat));
        }
        return Geo.FACTORY.createPolygon(ring.toArray(new Coordinate[0]));
    }

    /** Whether the point lies in the sector (distance and bearing test; agrees with the polygon to ~1%). */
    public boolean covers(double pLat, double pLon) {
        double km = Geo.distanceKm(lat, lon, pLat, pLon);
        if (km > rangeKm) {
            return false;
        }
        if (beamwidthDeg >= 360 || km < 1e-6) {
            return true;
        }
        double y = Math.sin(Math.toRadians(pLon - lon)) * Math.cos(Math.toRadians(pLat));
        double x = Math.cos(Math.toRadians(lat)) * Math.sin(Math.toRadians(pLat))
                - Math.sin(Math.toRadians(lat)) * Math.cos(Math.toRadians(pLat)) * Math.cos(Math.toRadians(pLon - lon));
        double bearing = Math.toDegrees(Math.atan2(y, x));
        double off = Math.abs(((bearing - azimuthDeg) % 360 + 540) % 360 - 180);
        return off <= beamwidthDeg / 2;
    }
}
