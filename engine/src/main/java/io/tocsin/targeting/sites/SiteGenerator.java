package io.tocsin.targeting.sites;

import io.tocsin.targeting.geo.Geo;
import io.tocsin.targeting.geo.Region;
import io.tocsin.targeting.geo.RegionSampler;
import io.tocsin.targeting.geo.RegionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;

/**
 * Deterministic synthetic radio networks for the demo and benchmarks. Cells: three 120° sectors per site,
 * sites spread over the regions by population (clustered towards district centres like real networks, so
 * remote edges can stay blind), 40/30/30 between {@code cmcc}, {@code cucc} and {@code ctcc}; the sector
 * range follows the local site density (small urban cells, large rural ones). Ids look like CGI
 * {@code 460-00-LAC-CI}. Transmitters: an FM and a TV site on the city's main tower plus relays at the
 * centre of every region of low density. Same seed, same catalogue. Stateless; thread-safe.
 */
public final class SiteGenerator {
    private static final String[] CARRIERS = {"cmcc", "cucc", "ctcc"};
    private static final String[] MNC = {"00", "01", "11"};
    private static final double[] SHARE = {0.4, 0.3, 0.3};

    private SiteGenerator() {
    }

    /** About {@code cellCount} cells (rounded to whole three-sector sites). */
    public static List<CellSite> cells(RegionSet regions, int cellCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long total = Math.max(1, regions.totalPopulation());
        int sitesTotal = Math.max(1, cellCount / 3);
        List<CellSite> out = new ArrayList<>(cellCount);
        Coordinate p = new Coordinate();
        int[] ci = new int[CARRIERS.length];
        for (Region r : regions.all()) {
            int sites = (int) Math.round((double) sitesTotal * r.population() / total);
            if (sites == 0) {
                continue;
            }
            RegionSampler sampler = new RegionSampler(r.geometry(), 0.6);
            double areaKm2 = Geo.areaKm2(r.geometry());
            for (int c = 0; c < CARRIERS.length; c++) {
                int n = (int) Math.max(1, Math.round(sites * SHARE[c]));
                double rangeKm = Math.max(0.4, Math.min(12, 1.6 * Math.sqrt(areaKm2 / n / Math.PI)));
                int lac = 9000 + Integer.parseInt(r.code().substring(Math.max(0, r.code().length() - 3)));
                for (int s = 0; s < n; s++) {
                    sampler.sample(random, p);
                    double azimuth = random.nextDouble() * 120;
                    double range = rangeKm * (0.8 + 0.4 * random.nextDouble());
                    for (int sector = 0; sector < 3; sector++) {
                        String id = "460-" + MNC[c] + "-" + lac + "-" + (++ci[c]);
                        out.add(new CellSite(id, CARRIERS[c], p.y, p.x, (azimuth + 120 * sector) % 360, 120, range));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Radio transmitters and TV stations: FM and TV on the main tower at (towerLat, towerLon) with the given
     * ranges, and an FM relay at the interior point of every region whose density is below the city's.
     */
    public static List<Transmitter> transmitters(RegionSet regions, double towerLat, double towerLon,
                                                 double fmRangeKm, double tvRangeKm) {
        List<Transmitter> out = new ArrayList<>();
        out.add(new Transmitter("FM-MAIN", Transmitter.Kind.RADIO, "Main tower FM", towerLat, towerLon, fmRangeKm));
        out.add(new Transmitter("TV-MAIN", Transmitter.Kind.TV, "Main tower TV", towerLat, towerLon, tvRangeKm));
        double cityDensity = regions.totalPopulation() / Math.max(1, totalArea(regions));
        for (Region r : regions.all()) {
            double density = r.population() / Math.max(1e-9, Geo.areaKm2(r.geometry()));
            if (density < cityDensity) {
                Coordinate c = r.geometry().getInteriorPoint().getCoordinate();
                out.add(new Transmitter("FM-" + r.code(), Transmitter.Kind.RADIO, "FM relay " + r.nameEn(), c.y, c.x, 15));
            }
        }
        return out;
    }

    /** The demo catalogue for Guangzhou: cells as above and the Canton Tower (FM 35 km, TV 30 km). */
    public static SiteCatalog guangzhou(RegionSet regions, int cellCount, long seed) {
        return new SiteCatalog(cells(regions, cellCount, seed), guangzhouTransmitters(regions));
    }

    /** The demo's radio transmitters and TV stations: Canton Tower FM 35 km and TV 30 km, plus FM relays. */
    public static List<Transmitter> guangzhouTransmitters(RegionSet regions) {
        return transmitters(regions, 23.1065, 113.3245, 35, 30);
    }

    private static double totalArea(RegionSet regions) {
        double a = 0;
        for (Region r : regions.all()) {
            a += Geo.areaKm2(r.geometry());
        }
        return a;
    }
}
