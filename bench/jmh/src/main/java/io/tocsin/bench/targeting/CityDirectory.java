package io.tocsin.bench.targeting;

import io.tocsin.targeting.directory.DirectoryGenerator;
import io.tocsin.targeting.directory.SubscriberDirectory;
import io.tocsin.targeting.geo.GeoJsonRegions;
import io.tocsin.targeting.geo.Region;
import io.tocsin.targeting.geo.RegionSet;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;

/**
 * The benchmark world: Guangzhou's real district boundaries from the shared corpus when present
 * ({@code -Dtocsin.shared}, default {@code /work/shared}), else the project's demo geography
 * ({@code -Dtocsin.root}/config/geo), and a generated directory of {@code -Dtocsin.bench.subscribers}
 * (default 18,700,000) subscribers. Prints the directory's measured heap per subscriber.
 */
final class CityDirectory {
    final RegionSet regions;
    final SubscriberDirectory directory;
    final Geometry city;
    final String source;

    private CityDirectory(RegionSet regions, SubscriberDirectory directory, Geometry city, String source) {
        this.regions = regions;
        this.directory = directory;
        this.city = city;
        this.source = source;
    }

    static CityDirectory load() throws IOException {
        Path corpus = Path.of(System.getProperty("tocsin.shared", "/work/shared"), "corpus", "geo");
        RegionSet regions;
        String source;
        if (Files.isRegularFile(corpus.resolve("guangzhou-districts.normalized.geojson"))) {
            regions = GeoJsonRegions.load(corpus.resolve("guangzhou-districts.normalized.geojson"));
            Map<String, Long> pop = new HashMap<>();
            List<String> lines = Files.readAllLines(corpus.resolve("guangzhou-districts.tsv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                pop.put(f[0], Long.parseLong(f[5]));
            }
            regions = regions.withPopulations(pop);
            source = "real district boundaries (corpus)";
        } else {
            Path geo = Path.of(System.getProperty("tocsin.root", "."), "config", "geo", "guangzhou-districts.geojson");
            regions = GeoJsonRegions.load(geo);
            source = "demo geography";
        }
        int n = Integer.getInteger("tocsin.bench.subscribers", 18_700_000);
        long before = usedHeap();
        SubscriberDirectory d = DirectoryGenerator.generate(regions, n, 2026);
        long after = usedHeap();
        System.out.printf("%n[targeting] %s; %,d subscribers; grid %dx%d cells of %.4f deg;"
                        + " heap %.1f bytes/subscriber measured (GC'd used-heap delta), %.1f by array sizes%n",
                source, d.size(), d.grid().cols(), d.grid().rows(), d.grid().cellDegrees(),
                (double) (after - before) / d.size(), (double) d.heapBytes() / d.size());
        Geometry city = CascadedPolygonUnion.union(regions.all().stream().map(Region::geometry).toList());
        return new CityDirectory(regions, d, city, source);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
