package io.tocsin.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Area;
import io.tocsin.targeting.directory.SubscriberDirectory;
import io.tocsin.targeting.geo.AreaShapes;
import io.tocsin.targeting.geo.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The resolver's recipients are exactly the subscribers that a brute-force JTS {@code PreparedGeometry.contains}
 * over the whole directory finds in any shape of any area — for random polygons (some with vertices on grid
 * lines or on subscribers, i.e. points on the boundary), circles and multi-area alerts.
 */
class ResolverExactnessProperties {
    private static final GeometryFactory GF = new GeometryFactory();

    @Property(tries = 60)
    void recipientsEqualBruteForceJtsContains(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        Targeting world = TestWorld.demo();
        SubscriberDirectory d = world.directory();
        SplittableRandom random = new SplittableRandom(seed);
        List<Area> areas = new ArrayList<>();
        int areaCount = 1 + random.nextInt(3);
        for (int a = 0; a < areaCount; a++) {
            List<String> polygons = new ArrayList<>();
            List<String> circles = new ArrayList<>();
            int shapes = 1 + random.nextInt(2);
            for (int s = 0; s < shapes; s++) {
                if (random.nextInt(3) == 0) {
                    circles.add(randomCircle(random, d));
                } else {
                    polygons.add(randomPolygon(random, d));
                }
            }
            areas.add(new Area("area " + a, polygons, circles, List.of(), null, null));
        }

        List<Long> got = new ArrayList<>();
        Resolution res = world.resolver().resolve(areas, Audience.PUBLIC, batch -> batch.forEach(r -> got.add(r.msisdn())));

        Set<Long> expected = bruteForce(d, areas, world.geography().shapes());
        Set<Long> gotSet = new HashSet<>(got);
        assertThat(gotSet).as("no recipient twice").hasSize(got.size());
        assertThat(res.recipients()).isEqualTo(got.size());
        assertThat(gotSet).as("areas %s", areas).isEqualTo(expected);
    }

    private static Set<Long> bruteForce(SubscriberDirectory d, List<Area> areas, AreaShapes shapes) {
        List<PreparedGeometry> prepared = new ArrayList<>();
        for (Area a : areas) {
            for (String p : a.polygons()) {
                add(shapes.polygon(p, "/p"), prepared);
            }
            for (String c : a.circles()) {
                add(shapes.circle(c, "/c"), prepared);
            }
        }
        Set<Long> out = new HashSet<>();
        for (int i = 0; i < d.size(); i++) {
            org.locationtech.jts.geom.Point pt = GF.createPoint(new Coordinate(d.lon(i), d.lat(i)));
            for (PreparedGeometry g : prepared) {
                if (g.contains(pt)) {
                    out.add(d.msisdn(i));
                    break;
                }
            }
        }
        return out;
    }

    private static void add(Shape s, List<PreparedGeometry> out) {
        if (s.usable()) {
            out.add(PreparedGeometryFactory.prepare(s.geometry()));
        }
    }

    /** A star-shaped polygon; vertices sometimes snapped to grid lines or placed on a subscriber. */
    static String randomPolygon(SplittableRandom r, SubscriberDirectory d) {
        double cx = 112.95 + r.nextDouble() * 1.1;
        double cy = 22.55 + r.nextDouble() * 1.35;
        int n = 3 + r.nextInt(28);
        double maxRadius = 0.005 + r.nextDouble() * 0.3;
        boolean snap = r.nextInt(4) == 0;
        boolean onSubscriber = r.nextInt(4) == 0;
        double cell = d.grid().cellDegrees();
        double[] angles = new double[n];
        for (int i = 0; i < n; i++) {
            angles[i] = r.nextDouble() * 2 * Math.PI;
        }
        java.util.Arrays.sort(angles);
        StringBuilder sb = new StringBuilder();
        String first = null;
        for (int i = 0; i < n; i++) {
            double rad = maxRadius * (0.2 + 0.8 * r.nextDouble());
            double x = cx + rad * Math.cos(angles[i]);
            double y = cy + rad * Math.sin(angles[i]);
            if (snap) {
                x = d.grid().lonOf(d.grid().colAt(x));
                y = d.grid().latOf(d.grid().rowAt(y));
            }
            if (onSubscriber && i == 0 && d.size() > 0) {
                int s = r.nextInt(d.size());
                x = d.lon(s);
                y = d.lat(s);
            }
            String pair = y + "," + x;
            sb.append(pair).append(' ');
            if (first == null) {
                first = pair;
            }
        }
        assertThat(cell).isPositive();
        return sb.append(first).toString();
    }

    static String randomCircle(SplittableRandom r, SubscriberDirectory d) {
        double lon = 112.95 + r.nextDouble() * 1.1;
        double lat = 22.55 + r.nextDouble() * 1.35;
        if (r.nextInt(3) == 0 && d.size() > 0) {
            int s = r.nextInt(d.size());
            lon = d.lon(s);
            lat = d.lat(s);
        }
        return lat + "," + lon + " " + (0.1 + r.nextDouble() * 25);
    }
}
