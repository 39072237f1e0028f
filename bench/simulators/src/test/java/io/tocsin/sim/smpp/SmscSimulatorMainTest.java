package io.tocsin.sim.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmscSimulatorMainTest {

    @Test
    void commandLineSetsLimitsAndFaults() {
        SmscConfig c = SmscSimulatorMain.parse(new String[] {"--port", "2776", "--name", "cucc", "--bind-tps", "500",
            "--window", "32", "--account-tps", "2000", "--throttle", "0.1", "--drop-every-ms", "5000",
            "--lost-receipts", "0.05", "--reject", "86130999"});
        assertThat(c.name()).isEqualTo("cucc");
        assertThat(c.port()).isEqualTo(2776);
        assertThat(c.bindTps()).isEqualTo(500);
        assertThat(c.accountTps()).isEqualTo(2000);
        assertThat(c.window()).isEqualTo(32);
        assertThat(c.throttleFraction()).isEqualTo(0.1);
        assertThat(c.dropBindEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.lostReceiptFraction()).isEqualTo(0.05);
        assertThat(c.rejectPrefixes()).containsExactly("86130999");
    }

    @Test
    void unknownOptionIsRefused() {
        assertThatThrownBy(() -> SmscSimulatorMain.parse(new String[] {"--bogus", "1"}))
                .hasMessageContaining("--bogus");
    }
}
