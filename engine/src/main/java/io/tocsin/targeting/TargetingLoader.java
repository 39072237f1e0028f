package io.tocsin.targeting;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.config.GeographyConfig;
import io.tocsin.targeting.directory.DirectoryFiles;
import io.tocsin.targeting.directory.DirectoryGenerator;
import io.tocsin.targeting.directory.SubscriberDirectory;
import io.tocsin.targeting.geo.DemoGeographyGenerator;
import io.tocsin.targeting.geo.GeoJsonRegions;
import io.tocsin.targeting.geo.GeocodeAliases;
import io.tocsin.targeting.geo.Geography;
import io.tocsin.targeting.geo.Region;
import io.tocsin.targeting.geo.RegionSet;
import io.tocsin.targeting.geo.ShapeRules;
import io.tocsin.targeting.sites.CellSite;
import io.tocsin.targeting.sites.SiteCatalog;
import io.tocsin.targeting.sites.SiteFiles;
import io.tocsin.targeting.sites.SiteGenerator;
import io.tocsin.targeting.sites.Transmitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link Targeting} from the {@code geography:} section of the configuration. Paths are relative to
 * {@code baseDir}. {@code regions} defaults to the demo geography {@code config/geo/guangzhou-districts.geojson};
 * the geocode alias table is {@code settings.aliases} or {@code geocode-aliases.tsv} beside the regions file.
 * A null {@code directory}, {@code cellSites} or {@code transmitters}/{@code stations} means synthetic ones.
 * Settings (all optional): {@code subscribers} (200000), {@code cells} (3000), {@code seed} (2026),
 * {@code batchSize} (8192), {@code minCellOverlap} (0), {@code minTransmitterOverlap} (0),
 * {@code maxPolygonPoints} (1000), {@code circleSegments} (128). Stateless.
 */
public final class TargetingLoader {
    private TargetingLoader() {
    }

    public static Targeting load(GeographyConfig config, Path baseDir) throws IOException {
        JsonNode s = config.settings();
        TargetingOptions options = new TargetingOptions(s.path("batchSize").asInt(8192),
                s.path("minCellOverlap").asDouble(0), s.path("minTransmitterOverlap").asDouble(0),
                new ShapeRules(s.path("maxPolygonPoints").asInt(1000), s.path("circleSegments").asInt(128)));
        Path regionsFile = baseDir.resolve(config.regions() != null ? config.regions()
                : "config/geo/" + DemoGeographyGenerator.GEOJSON);
        RegionSet regions = GeoJsonRegions.load(regionsFile);
        Path aliasesFile = s.hasNonNull("aliases") ? baseDir.resolve(s.get("aliases").asText())
                : regionsFile.resolveSibling(DemoGeographyGenerator.ALIASES);
        GeocodeAliases aliases = Files.exists(aliasesFile) ? GeocodeAliases.load(aliasesFile) : GeocodeAliases.empty();
        Geography geography = new Geography(regions, aliases, options.shapes());

        long seed = s.path("seed").asLong(2026);
        List<String> codes = regions.all().stream().map(Region::code).toList();
        SubscriberDirectory directory = config.directory() != null
                ? DirectoryFiles.load(baseDir.resolve(config.directory()), codes)
                : DirectoryGenerator.generate(regions, s.path("subscribers").asInt(200_000), seed);
        List<CellSite> cells = config.cellSites() != null
                ? SiteFiles.readCells(baseDir.resolve(config.cellSites()))
                : SiteGenerator.cells(regions, s.path("cells").asInt(3_000), seed + 1);
        List<Transmitter> txs = new ArrayList<>();
        if (config.transmitters() == null && config.stations() == null) {
            txs.addAll(SiteGenerator.guangzhouTransmitters(regions));
        }
        if (config.transmitters() != null) {
            txs.addAll(SiteFiles.readTransmitters(baseDir.resolve(config.transmitters()), Transmitter.Kind.RADIO));
        }
        if (config.stations() != null) {
            txs.addAll(SiteFiles.readTransmitters(baseDir.resolve(config.stations()), Transmitter.Kind.TV));
        }
        return new Targeting(geography, directory, new SiteCatalog(cells, txs), options);
    }
}
