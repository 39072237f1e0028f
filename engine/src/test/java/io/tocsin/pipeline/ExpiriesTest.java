package io.tocsin.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.journal.AlertAccepted;
import io.tocsin.ledger.AlertEntry;
import io.tocsin.ledger.Ledger;
import io.tocsin.pipeline.testing.TestAlerts;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiriesTest {
    private final Ledger ledger = new Ledger();

    private AlertEntry accepted(String identifier, String expires) {
        String id = ledger.nextAlertId();
        ledger.apply(new AlertAccepted(0, id, "p", false, "application/cap+xml", new byte[0],
                TestAlerts.alert(identifier, "Severe", "Immediate", expires), false));
        return ledger.entry(id);
    }

    @Test
    void closesAlertsInExpiryOrderAndEachOnceThoughWatchedTwice() {
        Expiries expiries = new Expiries();
        AlertEntry late = accepted("late", "2026-11-29T12:00:00+08:00");
        AlertEntry early = accepted("early", "2026-11-29T11:00:00+08:00");
        expiries.watch(late);
        expiries.watch(early);
        expiries.watch(late); // e.g. approved after it was first watched while pending
        assertThat(expiries.size()).isEqualTo(2);

        Instant beforeBoth = Instant.parse("2026-11-29T02:59:59Z");
        assertThat(expiries.due(beforeBoth)).isNull();
        Instant afterBoth = Instant.parse("2026-11-29T04:00:00Z");
        assertThat(expiries.due(afterBoth)).isSameAs(early);
        assertThat(expiries.due(afterBoth)).isSameAs(late);
        assertThat(expiries.due(afterBoth)).isNull();

        expiries.watch(late); // once closed it may be watched again (a restart's recovery)
        assertThat(expiries.due(afterBoth)).isSameAs(late);
    }

    @Test
    void alertsThatNeverExpireAreNotWatched() {
        Expiries expiries = new Expiries();
        expiries.watch(accepted("forever", null));
        assertThat(expiries.size()).isZero();
        assertThat(expiries.nanosUntilNext(Instant.now())).isEqualTo(Long.MAX_VALUE);
    }
}
