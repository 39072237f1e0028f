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

    /** Encoding through the journal's reused buffer writes the same record bytes as a fresh array. */
    @Property(tries = 200)
    void aRecordEncodedThroughTheReusedBufferIsByteIdentical(@ForAll("alerts") Alert first,
                                                             @ForAll("alerts") Alert second) {
        JsonBuffer reused = new JsonBuffer(16);
        for (Alert a : java.util.List.of(first, second, first)) {
            AlertAccepted record = new AlertAccepted(7, "tx-000007", "gz-met", false, "application/cap+xml",
                    new byte[] {1, 2, 3}, a, false);
            net.openhft.chronicle.bytes.Bytes<?> fresh = net.openhft.chronicle.bytes.Bytes.allocateElasticOnHeap(64);
            net.openhft.chronicle.bytes.Bytes<?> viaBuffer =
                    net.openhft.chronicle.bytes.Bytes.allocateElasticDirect(64);
            try {
                RecordCodec.write(record, fresh);
                RecordCodec.write(record, viaBuffer, reused);
                assertThat(viaBuffer.toByteArray()).isEqualTo(fresh.toByteArray());
            } finally {
                viaBuffer.releaseLast();
            }
        }
    }

    @Provide
    Arbitrary<Alert> alerts() {
        return CapArbitraries.anyAlert();
    }
}
