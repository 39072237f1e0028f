package io.tocsin.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Area;
import io.tocsin.cap.NamedValue;
import io.tocsin.targeting.directory.SubscriberDirectory;
import io.tocsin.targeting.directory.SubscriberGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AreaResolverBehaviourTest {
    private static final Area CITY = new Area("Guangzhou", null, null,
            List.of(new NamedValue("CPEAS Geographic Code", "440100000000")), null, null);

    @Test
    void wholeCityStreamsEverySubscriberInBatchesOfAtMostTheBatchSize() {
        Targeting w = TestWorld.demo();
        DirectoryAreaResolver small = new DirectoryAreaResolver(w.geography(), w.directory(), w.sites(),
                w.options().withBatchSize(1000));
        List<Integer> sizes = new ArrayList<>();
        Resolution r = small.resolve(List.of(CITY), Audience.PUBLIC, b -> sizes.add(b.size()));
        assertThat(r.recipients()).isEqualTo(w.directory().size());
        assertThat(sizes).hasSizeGreaterThan(50).allMatch(s -> s <= 1000 && s > 0);
        assertThat(r.recipientsByCarrier().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.recipients());
        assertThat(r.regionCodes()).hasSize(11);
        assertThat(r.population()).isBetween(18_600_000L, 18_750_000L);
    }

    @Test
    void carrierMixIsSixtyTwentyTwenty() {
        Resolution r = TestWorld.demo().resolver().resolve(List.of(CITY), Audience.PUBLIC, b -> { });
        double n = r.recipients();
        assertThat(r.recipientsByCarrier().get("cmcc") / n).isBetween(0.58, 0.62);
        assertThat(r.recipientsByCarrier().get("cucc") / n).isBetween(0.18, 0.22);
        assertThat(r.recipientsByCarrier().get("ctcc") / n).isBetween(0.18, 0.22);
    }

    @Test
    void overlappingAreasYieldEachRecipientOnce() {
        Area a = new Area("a", List.of("23.05,113.25 23.05,113.40 23.20,113.40 23.20,113.25 23.05,113.25"),
                List.of("23.12,113.32 8"), null, null, null);
        List<Recipient> got = new ArrayList<>();
        Resolution r = TestWorld.demo().resolver().resolve(List.of(a, CITY), Audience.PUBLIC, got::addAll);
        Set<Long> unique = new HashSet<>();
        got.forEach(x -> unique.add(x.msisdn()));
        assertThat(unique).hasSize(got.size());
        assertThat(r.recipients()).isEqualTo(TestWorld.demo().directory().size());
    }

    @Test
    void exerciseAndTestReachOnlyDrillGroups() {
        SubscriberDirectory d = TestWorld.demo().directory();
        long drill = 0;
        for (int i = 0; i < d.size(); i++) {
            drill += (d.groups(i) & SubscriberGroup.DRILL_MASK) != 0 ? 1 : 0;
        }
        for (Audience audience : List.of(Audience.EXERCISE, Audience.TEST)) {
            List<Recipient> got = new ArrayList<>();
            Resolution r = TestWorld.demo().resolver().resolve(List.of(CITY), audience, got::addAll);
            assertThat(got).hasSize((int) drill);
            assertThat(drill).isPositive().isLessThan(d.size() / 100);
            assertThat(r.population()).as("population is of the area, not of the audience").isGreaterThan(18_000_000L);
        }
    }

    @Test
    void areaWithoutAnythingTargetableIsAnError() {
        Resolution r = TestWorld.demo().resolver().resolve(List.of(new Area("empty", null, null, null, null, null)),
                Audience.PUBLIC, b -> { });
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.reasons().get(0).code()).isEqualTo("GEO_EMPTY_AREA");
        assertThat(r.reasons().get(0).path()).isEqualTo("/alert/info[0]/area[0]");
    }

    @Test
    void recipientsCarryLanguageAndHomeRegion() {
        List<Recipient> got = new ArrayList<>();
        TestWorld.demo().resolver().resolve(List.of(new Area("Tianhe", null, null,
                List.of(new NamedValue("GB2260", "440106")), null, null)), Audience.PUBLIC, got::addAll);
        assertThat(got).isNotEmpty().allMatch(r -> "440106".equals(r.regionCode()));
        long en = got.stream().filter(r -> r.language().equals("en-US")).count();
        assertThat((double) en / got.size()).isBetween(0.03, 0.07);
        assertThat(got).allMatch(r -> String.valueOf(r.msisdn()).length() == 11 && String.valueOf(r.msisdn()).startsWith("1"));
    }
}
