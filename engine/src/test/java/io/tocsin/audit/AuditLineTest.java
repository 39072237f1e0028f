package io.tocsin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AuditLineTest {

    /** The hand-encoded body is byte for byte what a Jackson tree of the same fields writes, and reads back. */
    @Property(tries = 2000)
    void bodyIsTheJsonJacksonWritesAndReadsBack(@ForAll("texts") String actor, @ForAll("texts") String detail,
                                                @ForAll("texts") String alert) throws Exception {
        Instant at = Instant.ofEpochMilli(1_796_000_000_123L);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        AuditLineWriter writer = new AuditLineWriter(Channels.newChannel(file), new ChainHash(null), "ab".repeat(32), 64);
        writer.add(42, at, "submit", actor, alert, detail);
        writer.drain();
        String line = file.toString(StandardCharsets.UTF_8);
        assertThat(line).endsWith("\"}\n");
        line = line.substring(0, line.length() - 1);

        ObjectNode n = AuditLine.JSON.createObjectNode();
        n.put("seq", 42L).put("at", at.toString()).put("type", "submit").put("actor", actor).put("alert", alert)
                .put("detail", detail).put("prev", "ab".repeat(32));
        String body = AuditLine.bodyOf(line);
        assertThat(body).isEqualTo(AuditLine.JSON.writeValueAsString(n));
        assertThat(AuditLine.hashOf(line)).isEqualTo(new ChainHash(null).of(body)).isEqualTo(writer.head());

        AuditRecord r = AuditLine.parse(line);
        assertThat(r.seq()).isEqualTo(42);
        assertThat(r.at()).isEqualTo(at);
        assertThat(r.actor()).isEqualTo(actor);
        assertThat(r.alertId()).isEqualTo(alert);
        assertThat(r.detail()).isEqualTo(detail);
    }

    /** Valid text only (a lone surrogate is not text: see AuditLineWriterTest for what becomes of one). */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> tricky = Arbitraries.strings().withChars("\"\\/\n\r\t\b\f\u0000\u0001\u001f\u007f é台风😀 ,:{}[]")
                .ofMaxLength(40).map(AuditLineTest::withoutLoneSurrogates);
        Arbitrary<String> pieces = Arbitraries.of("a", "台风红色预警", "😀", "\"", "\\", "\n", "\u0000", "é", "\u2028", "\uFFFF")
                .list().ofMaxSize(20).map(l -> String.join("", l));
        return Arbitraries.oneOf(tricky, pieces, Arbitraries.strings().ofMaxLength(30).map(AuditLineTest::withoutLoneSurrogates),
                Arbitraries.just(null));
    }

    /** Java regex matches a surrogate pair as one code point, so this removes only the unpaired halves. */
    static String withoutLoneSurrogates(String s) {
        return s.replaceAll("[\\uD800-\\uDFFF]", "");
    }
}
