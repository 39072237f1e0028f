package io.tocsin.ingress;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Jazzer fuzz target for the HTTP request path: raw request bytes into the production ingress pipeline
 * ({@link EmbeddedIngress}). Property: every connection that sent bytes gets at least one well-formed HTTP
 * response with an expected status (never 500), nothing follows a {@code Connection: close} answer, the
 * connection is closed once every timeout has passed (no hang, no leaked connection count), no exception
 * escapes the pipeline, and the engine is never handed an alert the CAP validator rejects. Seeds and crash
 * reproducers: {@code src/test/resources/io/tocsin/ingress/HttpRequestFuzzTestInputs/request/}.
 */
class HttpRequestFuzzTest {

    private static final EmbeddedIngress INGRESS = new EmbeddedIngress();

    /** Loads and instruments the pipeline outside the per-input time limit. */
    @BeforeAll
    static void warmUp() {
        INGRESS.serve(List.of("GET /health HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @AfterAll
    static void close() {
        INGRESS.close();
    }

    /**
     * One connection's bytes. Each 0x01 byte (SOH, which HTTP never needs) is a read boundary and is dropped,
     * so the fuzzer also explores requests that arrive in pieces; a seed without one arrives in one read.
     */
    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void request(byte[] bytes) {
        INGRESS.serve(split(bytes));
    }

    /** Splits at each 0x01 byte (dropped): the reads the client's bytes arrive in. */
    static List<byte[]> split(byte[] bytes) {
        List<byte[]> chunks = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0x01) {
                chunks.add(Arrays.copyOfRange(bytes, from, i));
                from = i + 1;
            }
        }
        chunks.add(Arrays.copyOfRange(bytes, from, bytes.length));
        return chunks;
    }
}
