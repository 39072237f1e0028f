package io.tocsin.cap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Jazzer fuzz targets for the CAP codec and validator. Without {@code JAZZER_FUZZ} (every build) each target
 * replays its seeds (each within 30 s, however loaded the machine) and every crash reproducer under {@code src/test/resources/io/tocsin/cap/
 * CapCodecFuzzTestInputs/<target>/}; with {@code JAZZER_FUZZ=1} one target is fuzzed (see the README,
 * "Fuzzing"). The property is {@link CapFuzzChecks}: located reasons, never an exception, bounded time, and a
 * clean decode round-trips through the XML writer.
 */
class CapCodecFuzzTest {

    /** Loads and instruments the codec outside the per-input time limit. */
    @BeforeAll
    static void warmUp() {
        CapFuzzChecks.xmlBody("<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'/>".getBytes());
        CapFuzzChecks.jsonBody("{\"identifier\":\"w\"}".getBytes());
    }

    /** Bytes as an XML body: bare alert, multi-alert, EDXL-DE, Atom, RSS, or garbage. */
    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void xml(byte[] body) {
        CapFuzzChecks.xmlBody(body);
    }

    /** Bytes as a JSON body (one alert, an array, or {"alerts":[...]}). */
    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void json(byte[] body) {
        CapFuzzChecks.jsonBody(body);
    }

    /** Bytes through {@link CapDecoder#decode}, which sniffs the format. */
    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void sniffed(byte[] body) {
        Decoded d = CapFuzzChecks.DECODER.decode(body);
        CapFuzzChecks.located(d);
        CapFuzzChecks.validateAll(d);
    }
}
