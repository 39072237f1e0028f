package io.tocsin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AuditLineTest {

    /** The hand-written body is byte for byte what a Jackson tree of the same fields writes, and reads back. */
    @Property(tries = 2000)
    void bodyIsTheJsonJacksonWritesAndReadsBack(@ForAll("texts") String actor, @ForAll("texts") String detail,
                                                @ForAll("texts") String alert) throws Exception {
        Instant at = Instant.ofEpochMilli(1_796_000_000_123L);
        String body = AuditLine.body(42, at, "submit", actor, alert, detail, "ab".repeat(32));

        ObjectNode n = AuditLine.JSON.createObjectNode();
        n.put("seq", 42L).put("at", at.toString()).put("type", "submit").put("actor", actor).put("alert", alert)
                .put("detail", detail).put("prev", "ab".repeat(32));
        assertThat(body).isEqualTo(AuditLine.JSON.writeValueAsString(n));

        AuditRecord r = AuditLine.parse(AuditLine.withHash(body, "cd".repeat(32)));
        assertThat(r.seq()).isEqualTo(42);
        assertThat(r.at()).isEqualTo(at);
        assertThat(r.actor()).isEqualTo(actor);
        assertThat(r.alertId()).isEqualTo(alert);
        assertThat(r.detail()).isEqualTo(detail);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> tricky = Arbitraries.strings().withChars("\"\\/\n\r\t\b\f\u0000\u0001\u001f\u007f é台风😀 ,:{}[]")
                .ofMaxLength(40);
        return Arbitraries.oneOf(tricky, Arbitraries.strings().ofMaxLength(30).map(s -> s.replaceAll("[\\uD800-\\uDFFF]", "")),
                Arbitraries.just(null));
    }
}
