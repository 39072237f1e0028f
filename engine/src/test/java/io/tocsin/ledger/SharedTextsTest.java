package io.tocsin.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.journal.AlertAccepted;
import io.tocsin.journal.AlertClosed;
import io.tocsin.journal.MemoryJournal;
import io.tocsin.pipeline.testing.TestAlerts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Texts that repeat from alert to alert are kept once by the ledger, however many copies the decoder made, and
 * unique texts never make the table grow past its bound. What the ledger keeps per settled alert stays small.
 */
class SharedTextsTest {
    static final long T0 = 1_800_000_000_000L;

    @Test
    void equalTextsComeBackAsOneInstanceAndUniqueOnesNeverGrowTheTablePastItsBound() {
        SharedTexts texts = new SharedTexts();
        String first = texts.share(new String("gz-met"));
        assertThat(texts.share(new String("gz-met"))).isSameAs(first);
        assertThat(texts.share(null)).isNull();
        for (int i = 0; i < 3 * SharedTexts.LIMIT; i++) {
            assertThat(texts.share("unique " + i)).isEqualTo("unique " + i);
            assertThat(texts.size()).isLessThanOrEqualTo(SharedTexts.LIMIT + 1);
        }
    }

    @Test
    void alertsFromOnePublisherShareTheirRepeatedTextsInTheLedger() {
        Ledger ledger = new Ledger(new MemoryJournal());
        accept(ledger, 1);
        accept(ledger, 2);
        ledger.publish();
        AlertView a = ledger.view().alert(Ledger.alertId(1)).orElseThrow();
        AlertView b = ledger.view().alert(Ledger.alertId(2)).orElseThrow();
        assertThat(b.publisher()).isEqualTo("gz-met").isSameAs(a.publisher());
        assertThat(b.timeline().get(0).detail()).isEqualTo("from gz-met, Alert, 3000 bytes")
                .isSameAs(a.timeline().get(0).detail());
        assertThat(b.timeline().get(0).at()).isSameAs(b.receivedAt());
        assertThat(b.identifier()).isNotEqualTo(a.identifier());
    }

    @Test
    void aSettledAlertWithoutDispatchesCostsTheLedgerUnderOneKilobyte() {
        MemoryJournal journal = new MemoryJournal();
        Ledger ledger = new Ledger(journal);
        int n = 500;
        for (int i = 1; i <= n; i++) {
            accept(ledger, i);
        }
        ledger.publish();
        long before = RetainedSize.of(ledger, o -> o instanceof io.tocsin.journal.Journal).bytes;
        for (int i = n + 1; i <= 2 * n; i++) {
            accept(ledger, i);
        }
        ledger.publish();
        long after = RetainedSize.of(ledger, o -> o instanceof io.tocsin.journal.Journal).bytes;
        long perAlert = (after - before) / n;
        System.out.printf("ledger bytes per settled alert without dispatches: %,d%n", perAlert);
        assertThat(perAlert).isLessThanOrEqualTo(BOUND);
    }

    /** Measured 813 on JDK 17 (2026-11-30), with texts shared and empty maps left unallocated. */
    static final long BOUND = 1_000;

    /** An alert accepted and closed at once, as a no-target alert is; every text a fresh copy, as decoded. */
    private static void accept(Ledger ledger, int number) {
        String id = Ledger.alertId(number);
        ledger.apply(new AlertAccepted(T0 + number, id, new String("gz-met"), false, "application/cap+xml",
                new byte[3000], TestAlerts.alert("A" + number, "Extreme", "Immediate", "2027-11-29T18:00:00+08:00")),
                number);
        ledger.apply(new AlertClosed(T0 + number, id, AlertState.DONE, new String("nothing to send")), number);
    }
}
