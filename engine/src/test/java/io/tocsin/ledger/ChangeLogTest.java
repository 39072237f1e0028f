package io.tocsin.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeLogTest {

    @Test
    void aReaderGetsExactlyTheIdsChangedSinceItsCursor() {
        ChangeLog log = new ChangeLog(8);
        log.add("a");
        log.add("b");
        LedgerChanges first = log.since(0);
        assertThat(first.complete()).isTrue();
        assertThat(first.ids()).containsExactly("a", "b");
        log.add("c");
        log.add("a");
        LedgerChanges second = log.since(first.cursor());
        assertThat(second.ids()).containsExactly("c", "a");
        assertThat(log.since(second.cursor()).ids()).isEmpty();
        assertThat(log.since(second.cursor()).complete()).isTrue();
    }

    @Test
    void aReaderTheWriterLappedIsToldToRescan() {
        ChangeLog log = new ChangeLog(4);
        for (int i = 0; i < 4; i++) {
            log.add("id" + i);
        }
        LedgerChanges lapped = log.since(0);
        assertThat(lapped.complete()).isFalse();
        assertThat(lapped.cursor()).isEqualTo(4);
        log.add("x");
        assertThat(log.since(lapped.cursor()).ids()).containsExactly("x");
    }

    @Test
    void aCursorFromAnotherLedgerIsToldToRescan() {
        ChangeLog log = new ChangeLog(4);
        log.add("a");
        assertThat(log.since(99).complete()).isFalse();
        assertThat(log.since(99).cursor()).isEqualTo(1);
    }
}
