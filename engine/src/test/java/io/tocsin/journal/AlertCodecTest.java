package io.tocsin.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Alert;
import io.tocsin.cap.CapArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AlertCodecTest {

    /** The hand-written encoder writes what databind wrote before it, so old and new journals read alike. */
    @Property(tries = 500)
    void encodesExactlyWhatDatabindWritesAndDecodesBack(@ForAll("alerts") Alert alert) throws Exception {
        byte[] encoded = AlertCodec.encode(alert);
        assertThat(new String(encoded, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(AlertCodec.encodeWithDatabind(alert), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(AlertCodec.decode(encoded)).isEqualTo(alert);
    }

    @Provide
    Arbitrary<Alert> alerts() {
        return CapArbitraries.anyAlert();
    }
}
