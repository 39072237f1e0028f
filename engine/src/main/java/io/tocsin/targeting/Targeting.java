package io.tocsin.targeting;

import io.tocsin.targeting.coverage.Coverage;
import io.tocsin.targeting.coverage.CoverageEstimator;
import io.tocsin.targeting.directory.DirectoryGenerator;
import io.tocsin.targeting.directory.SubscriberDirectory;
import io.tocsin.targeting.geo.DemoGeographyGenerator;
import io.tocsin.targeting.geo.GeoJsonRegions;
import io.tocsin.targeting.geo.GeocodeAliases;
import io.tocsin.targeting.geo.Geography;
import io.tocsin.targeting.geo.RegionSet;
import io.tocsin.targeting.sites.SiteCatalog;
import io.tocsin.targeting.sites.SiteGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.tocsin.cap.Area;

/**
 * Everything targeting needs, assembled: geography, subscriber directory, site catalogue and options, with
 * the {@link AreaResolver} over them. {@link #demo(Path, int, int, long)} builds the demo world from
 * {@code config/geo}. Immutable; thread-safe.
 */
public final class Targeting {
    private final Geography geography;
    private final SubscriberDirectory directory;
    private final SiteCatalog sites;
    private final TargetingOptions options;
    private final DirectoryAreaResolver resolver;
    private final CoverageEstimator coverage;

    public Targeting(Geography geography, SubscriberDirectory directory, SiteCatalog sites, TargetingOptions options) {
        this.geography = geography;
        this.directory = directory;
        this.sites = sites;
        this.options = options;
        this.resolver = new DirectoryAreaResolver(geography, directory, sites, options);
        this.coverage = new CoverageEstimator(geography, directory, sites, options);
    }

    /**
     * Loads {@code guangzhou-districts.geojson} and {@code geocode-aliases.tsv} (if present) from
     * {@code geoDir}, generates {@code subscribers} subscribers and about {@code cells} cells with the seed.
     */
    public static Targeting demo(Path geoDir, int subscribers, int cells, long seed) throws IOException {
        Geography geography = loadGeography(geoDir, TargetingOptions.defaults());
        RegionSet regions = geography.regions();
        SubscriberDirectory directory = DirectoryGenerator.generate(regions, subscribers, seed);
        SiteCatalog sites = SiteGenerator.guangzhou(regions, cells, seed + 1);
        return new Targeting(geography, directory, sites, TargetingOptions.defaults());
    }

    public static Geography loadGeography(Path geoDir, TargetingOptions options) throws IOException {
        RegionSet regions = GeoJsonRegions.load(geoDir.resolve(DemoGeographyGenerator.GEOJSON));
        Path aliases = geoDir.resolve(DemoGeographyGenerator.ALIASES);
        GeocodeAliases table = Files.exists(aliases) ? GeocodeAliases.load(aliases) : GeocodeAliases.empty();
        return new Geography(regions, table, options.shapes());
    }

    public DirectoryAreaResolver resolver() {
        return resolver;
    }

    public CoverageEstimator coverageEstimator() {
        return coverage;
    }

    /** Coverage and blind spots of one info block's areas (before release, or for the report). */
    public Coverage coverage(int infoIndex, List<Area> areas) {
        return coverage.estimate(infoIndex, areas);
    }

    public Geography geography() {
        return geography;
    }

    public SubscriberDirectory directory() {
        return directory;
    }

    public SiteCatalog sites() {
        return sites;
    }

    public TargetingOptions options() {
        return options;
    }
}
