package io.tocsin.cap;

import java.util.List;

/**
 * A CAP {@code <area>}: a description and any number of polygons ("lat,lon lat,lon ..."), circles
 * ("lat,lon radius_km") and geocodes. Geometry is kept as received text; {@code targeting} parses it.
 */
public record Area(
        String areaDesc,
        List<String> polygons,
        List<String> circles,
        List<NamedValue> geocodes,
        String altitude,
        String ceiling) {

    public Area {
        polygons = polygons == null ? List.of() : List.copyOf(polygons);
        circles = circles == null ? List.of() : List.copyOf(circles);
        geocodes = geocodes == null ? List.of() : List.copyOf(geocodes);
    }
}
