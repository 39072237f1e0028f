package io.tocsin.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Area;
import io.tocsin.cap.NamedValue;
import io.tocsin.targeting.coverage.Coverage;
import io.tocsin.targeting.coverage.CoverageCell;
import io.tocsin.targeting.coverage.RegionCoverage;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageTest {
    private static final Area CITY = new Area("Guangzhou", null, null,
            List.of(new NamedValue("CPEAS Geographic Code", "440100000000")), null, null);

    @Test
    void wholeCityCoverageAddsUpPerChannelPerRegionAndOnTheGrid() {
        Coverage c = TestWorld.demo().coverage(0, List.of(CITY));
        assertThat(c.population()).isBetween(18_600_000L, 18_750_000L);
        assertThat(c.regions()).hasSize(11);
        assertThat(c.regions().stream().mapToLong(RegionCoverage::population).sum()).isCloseTo(c.population(),
                org.assertj.core.data.Offset.offset(20L));
        assertThat(c.reachedByAny()).isGreaterThanOrEqualTo(Math.max(c.sms(), Math.max(c.cellBroadcast(), c.radio())));
        assertThat(c.reachedByAny() + c.reachedByNone()).isEqualTo(c.population());
        assertThat(c.cellBroadcast()).isPositive();
        assertThat(c.radio()).isPositive();
        assertThat(c.tv()).isPositive();
        assertThat(c.sms()).isPositive();
        assertThat(c.grid().stream().mapToLong(CoverageCell::population).sum()).isCloseTo(c.population(),
                org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void smallCentralAreaIsCoveredByBroadcastAndItsCellsOvershoot() {
        Area centre = new Area("centre", null, List.of("23.12,113.30 2"), null, null, null);
        Coverage c = TestWorld.demo().coverage(0, List.of(centre));
        assertThat(c.population()).isPositive();
        assertThat(c.reachedByNone()).isZero();
        assertThat(c.radio()).isEqualTo(c.population());
        assertThat(c.cellBroadcastOvershoot()).as("sectors reaching past the circle").isPositive();
        Resolution r = TestWorld.demo().resolver().resolve(List.of(centre), Audience.PUBLIC, b -> { });
        assertThat(r.cellsByCarrier()).containsKeys("cmcc", "cucc", "ctcc");
        assertThat(r.transmitters()).contains("FM-MAIN");
        assertThat(r.stations()).contains("TV-MAIN");
    }

    @Test
    void minimumOverlapTargetsFewerCells() {
        Targeting w = TestWorld.demo();
        Area centre = new Area("centre", null, List.of("23.12,113.30 2"), null, null, null);
        DirectoryAreaResolver strict = new DirectoryAreaResolver(w.geography(), w.directory(), w.sites(),
                w.options().withMinCellOverlap(0.5));
        int any = w.resolver().resolve(List.of(centre), Audience.PUBLIC, b -> { }).cellsByCarrier().values()
                .stream().mapToInt(List::size).sum();
        int half = strict.resolve(List.of(centre), Audience.PUBLIC, b -> { }).cellsByCarrier().values()
                .stream().mapToInt(List::size).sum();
        assertThat(half).isPositive().isLessThan(any);
    }
}
