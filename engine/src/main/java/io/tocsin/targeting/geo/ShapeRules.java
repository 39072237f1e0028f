package io.tocsin.targeting.geo;

/**
 * How CAP shapes are turned into geometry: polygons with more than {@code maxPolygonPoints} vertices are
 * simplified (the bleed is reported), circles become {@code circleSegments}-gons.
 */
public record ShapeRules(int maxPolygonPoints, int circleSegments) {

    public static ShapeRules defaults() {
        return new ShapeRules(1000, 128);
    }

    public ShapeRules {
        if (maxPolygonPoints < 4 || circleSegments < 8) {
            throw new IllegalArgumentException("maxPolygonPoints >= 4 and circleSegments >= 8 required");
        }
    }
}
