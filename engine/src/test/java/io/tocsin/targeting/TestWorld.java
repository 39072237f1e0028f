package io.tocsin.targeting;

import io.tocsin.targeting.directory.DirectoryGenerator;
import io.tocsin.targeting.directory.SubscriberDirectory;
import io.tocsin.targeting.geo.GeoJsonRegions;
import io.tocsin.targeting.geo.Geography;
import io.tocsin.targeting.geo.RegionSet;
import io.tocsin.targeting.sites.SiteCatalog;
import io.tocsin.targeting.sites.SiteGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** Shared fixtures: the project's demo geography and, when present, the real boundaries of the corpus. */
final class TestWorld {
    private static Targeting demo;

    private TestWorld() {
    }

    static Path configGeo() {
        String root = System.getProperty("tocsin.root");
        Path p = root != null ? Path.of(root, "config", "geo") : Path.of("../config/geo");
        return Files.isDirectory(p) ? p : Path.of("config/geo");
    }

    /** The demo world, 100k subscribers and 3,000 cells, built once per test JVM. */
    static synchronized Targeting demo() {
        if (demo == null) {
            try {
                demo = Targeting.demo(configGeo(), 100_000, 3_000, 42);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return demo;
    }

    /** The shared corpus geo directory, or a skipped test when it is absent. */
    static Path corpusGeo() {
        String shared = System.getProperty("tocsin.shared", "/work/shared");
        Path p = Path.of(shared, "corpus", "geo");
        if (!Files.isDirectory(p)) {
            p = Path.of("/work/shared/corpus/geo");
        }
        Assumptions.assumeTrue(Files.isRegularFile(p.resolve("guangzhou-districts.normalized.geojson")),
                "shared corpus geo not found (set -Dtocsin.shared); skipping real-boundary test");
        return p;
    }

    /** Real district boundaries with 2020 populations joined from the corpus TSV. */
    static RegionSet realGuangzhou() {
        Path geo = corpusGeo();
        try {
            RegionSet regions = GeoJsonRegions.load(geo.resolve("guangzhou-districts.normalized.geojson"));
            Map<String, Long> pop = new HashMap<>();
            List<String> lines = Files.readAllLines(geo.resolve("guangzhou-districts.tsv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                pop.put(f[0], Long.parseLong(f[5]));
            }
            return regions.withPopulations(pop);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Targeting real(int subscribers, double clusterShare, SiteCatalog sites) {
        RegionSet regions = realGuangzhou();
        Geography geography = new Geography(regions, io.tocsin.targeting.geo.GeocodeAliases.empty(),
                TargetingOptions.defaults().shapes());
        SubscriberDirectory d = DirectoryGenerator.generate(regions, subscribers, 7, 0, clusterShare);
        return new Targeting(geography, d, sites == null ? SiteGenerator.guangzhou(regions, 3_000, 8) : sites,
                TargetingOptions.defaults());
    }
}
