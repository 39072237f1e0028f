package io.tocsin.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertIdTest {

    @Test
    void alertIdsKeepTheirSixDigitFormAndGrowPastIt() {
        assertThat(Ledger.alertId(1)).isEqualTo("tx-000001");
        assertThat(Ledger.alertId(999_999)).isEqualTo("tx-999999");
        assertThat(Ledger.alertId(1_000_000)).isEqualTo("tx-1000000");
        for (long n : new long[] {7, 42, 123, 4_567, 89_012, 345_678, 12_345_678}) {
            assertThat(Ledger.alertId(n)).isEqualTo(String.format("tx-%06d", n));
        }
    }
}
