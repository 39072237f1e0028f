package io.tocsin.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Reason;
import io.tocsin.targeting.geo.AreaShapes;
import io.tocsin.targeting.geo.Geo;
import io.tocsin.targeting.geo.Shape;
import io.tocsin.targeting.geo.ShapeRules;
import org.junit.jupiter.api.Test;

class AreaShapesTest {
    private final AreaShapes shapes = new AreaShapes(new ShapeRules(50, 64));

    private static String codes(Shape s) {
        return s.reasons().stream().map(Reason::code).toList().toString();
    }

    @Test
    void validCounterClockwiseRingHasNoReasons() {
        Shape s = shapes.polygon("23.0,113.0 23.0,113.1 23.1,113.1 23.0,113.0", "/p");
        assertThat(s.reasons()).isEmpty();
        assertThat(s.geometry().getArea()).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void unclosedRingIsClosedWithAWarning() {
        Shape s = shapes.polygon("23.0,113.0 23.0,113.1 23.1,113.1", "/p");
        assertThat(s.usable()).isTrue();
        assertThat(codes(s)).contains("GEO_POLYGON_UNCLOSED");
        assertThat(s.reasons()).noneMatch(Reason::isError);
    }

    @Test
    void clockwiseRingIsReorientedWithAWarning() {
        Shape s = shapes.polygon("23.0,113.0 23.1,113.1 23.0,113.1 23.0,113.0", "/p");
        assertThat(codes(s)).contains("GEO_POLYGON_WINDING");
        assertThat(s.geometry().getArea()).isPositive();
    }

    @Test
    void selfIntersectingBowTieIsRepairedAndTheBleedReported() {
        Shape s = shapes.polygon("23.0,113.0 23.1,113.1 23.1,113.0 23.0,113.1 23.0,113.0", "/alert/info[0]/area[0]/polygon[0]");
        assertThat(s.usable()).isTrue();
        assertThat(s.geometry().isValid()).isTrue();
        assertThat(s.reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("GEO_POLYGON_REPAIRED");
            assertThat(r.isError()).isFalse();
            assertThat(r.message()).contains("bleed");
            assertThat(r.path()).isEqualTo("/alert/info[0]/area[0]/polygon[0]");
        });
        // Both lobes survive: half of the bounding square.
        assertThat(s.geometry().getArea()).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void tooManyPointsAreSimplifiedWithTheBleedReported() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            double a = 2 * Math.PI * i / 200;
            sb.append(23 + 0.1 * Math.sin(a) + 0.001 * Math.sin(a * 37)).append(',').append(113 + 0.1 * Math.cos(a)).append(' ');
        }
        sb.append(23 + 0.0).append(',').append(113.1);
        Shape s = shapes.polygon(sb.toString(), "/p");
        assertThat(s.geometry().getNumPoints()).isLessThanOrEqualTo(50);
        assertThat(codes(s)).contains("GEO_POLYGON_SIMPLIFIED");
        assertThat(s.reasons().stream().filter(r -> r.code().equals("GEO_POLYGON_SIMPLIFIED")).findFirst().orElseThrow().message())
                .contains("bleed");
    }

    @Test
    void malformedAndOutOfRangeInputAreErrors() {
        assertThat(codes(shapes.polygon("23.0;113.0 x", "/p"))).contains("GEO_MALFORMED_POLYGON");
        assertThat(codes(shapes.polygon("95.0,113.0 23.0,113.1 23.1,113.1 95.0,113.0", "/p"))).contains("GEO_COORDINATE_RANGE");
        assertThat(codes(shapes.polygon("23.0,113.0 23.0,113.0 23.0,113.0", "/p"))).contains("GEO_DEGENERATE_POLYGON");
        assertThat(codes(shapes.circle("23.0,113.0", "/c"))).contains("GEO_MALFORMED_CIRCLE");
        assertThat(codes(shapes.circle("23.0,113.0 -5", "/c"))).contains("GEO_MALFORMED_CIRCLE");
    }

    @Test
    void polygonAcrossTheAntimeridianIsSplitNotWrappedAroundTheWorld() {
        Shape s = shapes.polygon("-17.0,178.0 -17.0,-178.0 -19.0,-178.0 -19.0,178.0 -17.0,178.0", "/p");
        assertThat(s.usable()).isTrue();
        assertThat(codes(s)).contains("GEO_ANTIMERIDIAN");
        assertThat(s.geometry().getNumGeometries()).isEqualTo(2);
        assertThat(s.geometry().getArea()).isCloseTo(8.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void circlesAtThePoleAndAcrossTheAntimeridianDoNotCrash() {
        Shape pole = shapes.circle("89.9,10 50", "/c");
        assertThat(pole.usable()).isTrue();
        assertThat(codes(pole)).contains("GEO_POLE");
        Shape dateLine = shapes.circle("0,179.99 100", "/c");
        assertThat(dateLine.usable()).isTrue();
        assertThat(dateLine.geometry().getNumGeometries()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertThat(dateLine.geometry().getGeometryN(i).getEnvelopeInternal().getWidth()).isLessThan(2);
        }
        assertThat(Geo.areaKm2(dateLine.geometry())).isBetween(31_000.0, 31_500.0);
        Shape ringAroundPole = shapes.polygon("80,0 80,90 80,180 80,-90 80,0", "/p");
        assertThat(ringAroundPole.usable()).isTrue();
    }

    @Test
    void circleOfFiveKilometresHasTheRightArea() {
        Shape s = shapes.circle("23.12,113.32 5", "/c");
        assertThat(Geo.areaKm2(s.geometry())).isBetween(78.0, 78.6);
    }
}
