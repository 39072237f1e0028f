package io.tocsin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The fast small-ring test agrees with JTS on "simple or not", including degenerate rings (spikes, touching
 * vertices, collinear overlaps) drawn on a 4x4 grid.
 */
class RingCheckTest {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    @Provide
    Arbitrary<List<int[]>> rings() {
        return Arbitraries.integers().between(0, 3).array(int[].class).ofSize(2).list().ofMinSize(3).ofMaxSize(9);
    }

    @Property(tries = 2000)
    void agreesWithJtsOnSimplicity(@ForAll("rings") List<int[]> open) {
        int n = open.size() + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        Coordinate[] c = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            int[] p = open.get(i % open.size());
            x[i] = p[0];
            y[i] = p[1];
            c[i] = new Coordinate(p[0], p[1]);
        }
        long distinct = open.stream().map(p -> p[0] * 10 + p[1]).distinct().count();
        if (distinct < 3) {
            return; // not a ring at all; JTS's answer for collapsed rings is not a CAP concern
        }
        // Deliberate difference: a point repeated consecutively is harmless in an alert area, while JTS calls
        // the zero-length edge non-simple. Compare on the ring without such repeats.
        Coordinate[] deduped = CoordinateArrays.removeRepeatedPoints(c);
        if (deduped.length < 4) {
            return;
        }
        boolean jtsSimple = GEOMETRY.createLinearRing(deduped).isSimple();
        RingCheck.Result ours = RingCheck.check(x, y, n);
        assertThat(ours == RingCheck.Result.SIMPLE).as("ring %s: ours %s, JTS simple=%s",
                open.stream().map(p -> p[0] + "," + p[1]).toList(), ours, jtsSimple).isEqualTo(jtsSimple);
    }
}
