package io.tocsin.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.config.ServerConfig;
import io.tocsin.security.KeyRing;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenFileBudgetTest {

    @Test
    void aRoomyLimitKeepsTheConfiguredConnectionsAndAddsHeadroomForRefusals() {
        assertThat(OpenFileBudget.fit(2048, 1_048_576, 300)).isEqualTo(new OpenFileBudget.Limits(2048, 2048 + 256));
        assertThat(OpenFileBudget.fit(40, 1_048_576, 300)).isEqualTo(new OpenFileBudget.Limits(40, 56));
    }

    @Test
    void aTightLimitLowersBothToWhatFitsBesideTheOpenFilesAndTheReserve() {
        OpenFileBudget.Limits limits = OpenFileBudget.fit(2048, 1024, 200);
        int room = 1024 - 200 - OpenFileBudget.RESERVE;
        assertThat(limits.ceiling()).isEqualTo(room);
        assertThat(limits.serve()).isLessThan(limits.ceiling()).isGreaterThan(room * 3 / 4);
    }

    @Test
    void neverBelowTheFloorAndUnknownLimitsChangeNothing() {
        assertThat(OpenFileBudget.fit(2048, 300, 200).serve()).isEqualTo(OpenFileBudget.FLOOR);
        assertThat(OpenFileBudget.fit(8, 300, 200).serve()).isEqualTo(8);
        assertThat(OpenFileBudget.fit(2048, -1, 200).serve()).isEqualTo(2048);
    }

    @Test
    void theRunningServerServesNoMoreThanConfiguredAndNoMoreThanThisProcessCanOpen() throws Exception {
        var os = (com.sun.management.UnixOperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (IngressServer server = new IngressServer(ServerConfig.defaults().withPort(0),
                new Router(KeyRing.of(List.of(), List.of())))) {
            server.start();
            assertThat(server.maxConnections()).isPositive()
                    .isLessThanOrEqualTo(ServerConfig.defaults().maxConnections())
                    .isLessThan((int) os.getMaxFileDescriptorCount());
        }
    }
}
