package io.tocsin.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Area;
import io.tocsin.cap.NamedValue;
import io.tocsin.targeting.coverage.Coverage;
import io.tocsin.targeting.coverage.RegionCoverage;
import io.tocsin.targeting.directory.DirectoryGenerator;
import io.tocsin.targeting.directory.SubscriberDirectory;
import io.tocsin.targeting.geo.Geo;
import io.tocsin.targeting.geo.GeocodeAliases;
import io.tocsin.targeting.geo.Geography;
import io.tocsin.targeting.geo.Region;
import io.tocsin.targeting.geo.RegionSet;
import io.tocsin.targeting.sites.SiteCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** Against the real district boundaries of the shared corpus (skipped when it is absent). */
class RealGuangzhouTest {

    @Test
    void cpeasCodeOfTianheResolvesToTianheAndOnlyItsSubscribers() {
        Targeting w = TestWorld.real(100_000, 0.5, SiteCatalog.empty());
        List<Recipient> got = new ArrayList<>();
        Resolution r = w.resolver().resolve(List.of(new Area("天河区", null, null,
                List.of(new NamedValue("CPEAS Geographic Code", "440106000000")), null, null)), Audience.PUBLIC, got::addAll);
        assertThat(r.reasons()).isEmpty();
        assertThat(r.regionCodes()).containsExactly("440106");
        assertThat(w.geography().regions().byCode("440106").nameZh()).isEqualTo("天河区");
        long tianhe = 0;
        SubscriberDirectory d = w.directory();
        for (int i = 0; i < d.size(); i++) {
            tianhe += "440106".equals(d.regionCode(i)) ? 1 : 0;
        }
        assertThat(got).hasSize((int) tianhe).allMatch(x -> "440106".equals(x.regionCode()));
        assertThat(r.population()).isBetween(2_200_000L, 2_290_000L);
    }

    @Test
    void polygonAcrossTwoDistrictsSplitsItsPopulationByArea() {
        // Uniform placement within each district, so each district's share follows its overlapped area.
        Targeting w = TestWorld.real(200_000, 0.0, SiteCatalog.empty());
        RegionSet regions = w.geography().regions();
        String box = "23.10,113.36 23.10,113.46 23.16,113.46 23.16,113.36 23.10,113.36";
        Map<String, Integer> perRegion = new HashMap<>();
        Resolution r = w.resolver().resolve(List.of(new Area("box", List.of(box), null, null, null, null)),
                Audience.PUBLIC, b -> b.forEach(x -> perRegion.merge(x.regionCode(), 1, Integer::sum)));
        Geometry shape = w.geography().shapes().polygon(box, "/p").geometry();
        Map<String, Double> expected = new HashMap<>();
        for (Region region : regions.all()) {
            double share = Geo.areaKm2(Geo.intersection(region.geometry(), shape)) / Geo.areaKm2(region.geometry());
            if (share > 0.01) {
                expected.put(region.code(), share * region.population());
            }
        }
        assertThat(expected).as("the box straddles Tianhe and Huangpu").containsKeys("440106", "440112");
        assertThat(r.regionCodes()).contains("440106", "440112");
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            int subs = perRegion.getOrDefault(e.getKey(), 0);
            double people = subs * (double) regions.byCode(e.getKey()).population()
                    / countIn(w.directory(), e.getKey());
            assertThat(people).as("people of %s in the box", e.getKey()).isCloseTo(e.getValue(),
                    org.assertj.core.data.Percentage.withPercentage(12));
        }
        Coverage c = w.coverage(0, List.of(new Area("box", List.of(box), null, null, null, null)));
        double expectedTotal = expected.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat((double) c.population()).isCloseTo(expectedTotal, org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(c.regions()).extracting(RegionCoverage::code).contains("440106", "440112");
    }

    @Test
    void areaWithNoCellsAndNoSubscribersIsReportedUncovered() {
        RegionSet regions = TestWorld.realGuangzhou();
        List<Region> withoutConghua = regions.all().stream().filter(x -> !x.code().equals("440117")).toList();
        SubscriberDirectory d = DirectoryGenerator.generate(new RegionSet(withoutConghua), 50_000, 3);
        Geography geography = new Geography(regions, GeocodeAliases.empty(), TargetingOptions.defaults().shapes());
        Targeting w = new Targeting(geography, d, SiteCatalog.empty(), TargetingOptions.defaults());
        Area mountains = new Area("从化北部山区", List.of("23.70,113.55 23.70,113.70 23.80,113.70 23.80,113.55 23.70,113.55"),
                null, null, null, null);

        Resolution r = w.resolver().resolve(List.of(mountains), Audience.PUBLIC, b -> { });
        Coverage c = w.coverage(0, List.of(mountains));

        assertThat(r.recipients()).isZero();
        assertThat(r.cellsByCarrier()).isEmpty();
        assertThat(c.population()).isGreaterThan(10_000);
        assertThat(c.sms()).isZero();
        assertThat(c.cellBroadcast()).isZero();
        assertThat(c.reachedByAny()).isZero();
        assertThat(c.reachedByNone()).isEqualTo(c.population());
        assertThat(c.blindShare()).isEqualTo(1.0);
        assertThat(c.regions()).singleElement().satisfies(rc -> {
            assertThat(rc.code()).isEqualTo("440117");
            assertThat(rc.reachedByNone()).isEqualTo(rc.population());
        });
        assertThat(c.blindSpots()).isNotEmpty().hasSameSizeAs(c.grid());
    }

    private static long countIn(SubscriberDirectory d, String code) {
        long n = 0;
        for (int i = 0; i < d.size(); i++) {
            n += code.equals(d.regionCode(i)) ? 1 : 0;
        }
        return n;
    }
}
