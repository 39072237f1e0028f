package io.tocsin.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void addingGivesANewTimelineAndLeavesTheOldOneAsItWas() {
        TimelineEntry a = new TimelineEntry(Instant.EPOCH, "accepted", "from p");
        TimelineEntry b = new TimelineEntry(Instant.EPOCH.plusMillis(3), "done", "all handed over");
        Timeline one = Timeline.EMPTY.plus(a);
        Timeline two = one.plus(b);
        assertThat(Timeline.EMPTY).isEmpty();
        assertThat(one).containsExactly(a);
        assertThat(two).containsExactly(a, b);
        assertThat(two.last()).isSameAs(b);
        assertThat(two).isEqualTo(List.of(a, b)).hasSameHashCodeAs(List.of(a, b));
    }

    @Test
    void aPublishedViewSharesTheEntrysTimelineUntilTheNextNote() {
        Ledger ledger = new Ledger();
        String id = ledger.nextAlertId();
        ledger.apply(new io.tocsin.journal.AlertAccepted(0, id, "p", false, "application/cap+xml", new byte[0],
                io.tocsin.pipeline.testing.TestAlerts.alert("t1", "Severe", "Immediate", null), false));
        ledger.publish();
        AlertView first = ledger.view().alert(id).orElseThrow();
        assertThat(first.timeline()).isSameAs(ledger.entry(id).timeline);
        int before = first.timeline().size();
        ledger.entry(id).note(Instant.ofEpochMilli(5), "approved", "by op");
        assertThat(first.timeline()).as("a published view never changes").hasSize(before);
    }

    @Test
    void theApiWritesATimelineAsAnArrayOfEntries() throws Exception {
        Timeline t = Timeline.EMPTY.plus(new TimelineEntry(Instant.EPOCH, "accepted", "from p"))
                .plus(new TimelineEntry(Instant.EPOCH.plusSeconds(1), "done", "all handed over"));
        com.fasterxml.jackson.databind.JsonNode json = io.tocsin.ingress.Json.MAPPER.readTree(
                io.tocsin.ingress.Json.MAPPER.writeValueAsString(java.util.Map.of("timeline", t)));
        assertThat(json.path("timeline").isArray()).isTrue();
        assertThat(json.path("timeline")).hasSize(2);
        assertThat(json.path("timeline").get(1).path("event").asText()).isEqualTo("done");
        assertThat(json.path("timeline").get(1).path("detail").asText()).isEqualTo("all handed over");
    }
}
