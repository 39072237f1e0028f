package io.tocsin.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What fuzzing the HTTP request path found, one behaviour per test, over the production pipeline
 * ({@link EmbeddedIngress}). Raw reproducers stay in {@code HttpRequestFuzzTestInputs/request/crash-*} and are
 * replayed by {@link HttpRequestFuzzTest}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpFuzzFindingsTest {

    private static final EmbeddedIngress INGRESS = new EmbeddedIngress();

    @AfterAll
    static void close() {
        INGRESS.close();
    }

    private static int onlyStatus(String request) {
        EmbeddedIngress.Exchange ex = INGRESS.serve(List.of(request.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(ex.responses()).hasSize(1);
        return ex.responses().get(0).status().code();
    }

    @Test
    void aMalformedPercentEscapeInThePathIsA400NotASilentClose() throws IOException {
        byte[] crash;
        try (InputStream in = getClass().getResourceAsStream(
                "HttpRequestFuzzTestInputs/request/crash-0a76b9446ca8e263b434804b8e11219a0737ceb6")) {
            assertThat(in).isNotNull();
            crash = in.readAllBytes();
        }
        EmbeddedIngress.Exchange ex = INGRESS.serve(List.of(crash));
        assertThat(ex.responses()).singleElement().satisfies(r -> assertThat(r.status().code()).isEqualTo(400));
        assertThat(onlyStatus("GET /health%zz HTTP/1.1\r\nHost: t\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void aMalformedPercentEscapeInTheQueryIsA400NotASilentClose() {
        assertThat(onlyStatus("GET /api/v1/alerts?state=%G1 HTTP/1.1\r\nHost: t\r\n"
                + "Authorization: Bearer " + TestIngress.OPERATOR_KEY + "\r\n\r\n")).isEqualTo(400);
        assertThat(onlyStatus("GET /health?x=%2 HTTP/1.1\r\nHost: t\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void wellFormedEscapesStillRoute() {
        assertThat(onlyStatus("GET /heal%74h?x=%20y HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"))
                .isEqualTo(200);
    }
}
