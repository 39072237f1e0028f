package io.tocsin.bench.targeting;

import io.tocsin.targeting.directory.AreaMatcher;
import io.tocsin.targeting.directory.SubscriberDirectory;
import io.tocsin.targeting.geo.Geo;
import io.tocsin.targeting.geo.Region;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Area → subscribers over a generated 18.7-million-subscriber Guangzhou directory: the grid-indexed
 * {@link AreaMatcher} against the brute-force baseline (every subscriber through JTS
 * {@code PreparedGeometry.contains}), for the whole city, one district (Tianhe) and a 5 km circle in the
 * dense centre. Both count the same set (checked in setup). Run with a big heap, e.g.
 * {@code java -jar bench/jmh/target/benchmarks.jar AreaResolutionBench -f 1 -wi 2 -i 3 -jvmArgs -Xmx8g}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class AreaResolutionBench {
    private static CityDirectory world;

    @Param({"city", "district", "circle5km"})
    public String area;

    private SubscriberDirectory directory;
    private Geometry geometry;
    private PreparedGeometry prepared;
    private final GeometryFactory gf = new GeometryFactory();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        synchronized (AreaResolutionBench.class) {
            if (world == null) {
                world = CityDirectory.load();
            }
        }
        directory = world.directory;
        switch (area) {
            case "city":
                geometry = world.city;
                break;
            case "district":
                geometry = world.regions.all().stream().filter(r -> r.code().equals("440106"))
                        .map(Region::geometry).findFirst().orElseThrow();
                break;
            case "circle5km":
                geometry = Geo.circle(23.128, 113.323, 5, 128);
                break;
            default:
                throw new IllegalArgumentException(area);
        }
        prepared = PreparedGeometryFactory.prepare(geometry);
        long fast = indexed();
        long slow = bruteForceJts();
        if (fast != slow) {
            throw new IllegalStateException(area + ": indexed " + fast + " != brute force " + slow);
        }
        System.out.printf("%n[targeting] %s: %,d subscribers inside (%d vertices)%n", area, fast, geometry.getNumPoints());
    }

    @Benchmark
    public long indexed() {
        return AreaMatcher.count(directory, geometry);
    }

    @Benchmark
    public long bruteForceJts() {
        long n = 0;
        for (int i = 0, size = directory.size(); i < size; i++) {
            if (prepared.contains(gf.createPoint(new Coordinate(directory.lon(i), directory.lat(i))))) {
                n++;
            }
        }
        return n;
    }

    /** A stronger baseline: envelope test first, then the prepared polygon (what a careful naive loop does). */
    @Benchmark
    public long bruteForceEnvelopeFirst() {
        Envelope e = geometry.getEnvelopeInternal();
        long n = 0;
        for (int i = 0, size = directory.size(); i < size; i++) {
            double x = directory.lon(i);
            double y = directory.lat(i);
            if (e.contains(x, y) && prepared.contains(gf.createPoint(new Coordinate(x, y)))) {
                n++;
            }
        }
        return n;
    }
}
