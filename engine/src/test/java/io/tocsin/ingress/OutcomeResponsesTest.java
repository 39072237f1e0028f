package io.tocsin.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Reason;
import io.tocsin.pipeline.IntakeOutcome;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class OutcomeResponsesTest {
    private final OutcomeResponses responses = new OutcomeResponses(1);

    /** The hand-written 202 body is byte for byte what Jackson writes, whatever the id and state hold. */
    @Property(tries = 2000)
    void theAcceptedBodyIsTheJsonJacksonWrites(@ForAll("texts") String id, @ForAll("texts") String state) {
        IntakeOutcome outcome = new IntakeOutcome(IntakeOutcome.Kind.ACCEPTED, id, state, null);
        ApiResponse r = responses.of(outcome, 202, List.of());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", id);
        expected.put("state", state);
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.contentType()).isEqualTo(ApiResponse.JSON);
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(new String(ApiResponse.json(202, expected).body(), StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void warningsStillGoIntoTheBody(@ForAll("texts") String id) {
        IntakeOutcome outcome = new IntakeOutcome(IntakeOutcome.Kind.ACCEPTED, id, "ACCEPTED", null);
        ApiResponse r = responses.of(outcome, 202, List.of(Reason.warning("/alert/info[0]", "w", "a warning")));
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"warnings\":[").contains("a warning");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("tx-0123456789ABC_.:"),
                Arbitraries.strings().withChars("\"\\\n\u0001é台 ~").ofMaxLength(12), Arbitraries.just(null),
                Arbitraries.just("PENDING_APPROVAL"));
    }
}
