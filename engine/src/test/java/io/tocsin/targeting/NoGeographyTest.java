package io.tocsin.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Area;
import io.tocsin.cap.NamedValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An engine without geography reaches nobody and says so; its answer is the precomputed one, so the planner does
 * not hand every alert to a resolution worker to learn it.
 */
class NoGeographyTest {

    private static final List<Area> PANYU = List.of(new Area("番禺区", List.of(), List.of(),
            List.of(new NamedValue("CPEAS Geographic Code", "440113000000")), null, null));

    @Test
    void resolvesNothingAndWarnsAtTheArea() {
        List<Recipient> streamed = new ArrayList<>();
        Resolution r = new NoGeography().resolve(PANYU, Audience.PUBLIC, streamed::addAll);

        assertThat(streamed).isEmpty();
        assertThat(r.recipients()).isZero();
        assertThat(r.cellsByCarrier()).isEmpty();
        assertThat(r.transmitters()).isEmpty();
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("no-geography");
            assertThat(reason.path()).isEqualTo("/alert/info/area");
        });
    }

    @Test
    void theAnswerIsAtHandAndTheSameAsTheLongWay() {
        NoGeography resolver = new NoGeography();

        Resolution atHand = resolver.precomputedAreas(PANYU, Audience.PUBLIC);

        assertThat(atHand).isNotNull().isEqualTo(resolver.resolveAreas(PANYU, Audience.PUBLIC));
    }
}
