package io.tocsin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CapDateTimeTest {

    @Test
    void readsCapsOwnFormWithItsOffset() {
        assertThat(CapDateTime.parseOrNull("2026-11-29T09:30:00+08:00"))
                .isEqualTo(OffsetDateTime.parse("2026-11-29T09:30:00+08:00"));
        assertThat(CapDateTime.parseOrNull(" 2003-04-02T14:39:01-05:30 "))
                .isEqualTo(OffsetDateTime.parse("2003-04-02T14:39:01-05:30"));
    }

    @Test
    void refusesImpossibleFieldsInCapsOwnForm() {
        assertThat(CapDateTime.parseOrNull("2026-02-30T09:30:00+08:00")).isNull();
        assertThat(CapDateTime.parseOrNull("2026-13-01T09:30:00+08:00")).isNull();
        assertThat(CapDateTime.parseOrNull("2026-11-29T24:00:00+08:00")).isNull();
        assertThat(CapDateTime.parseOrNull("2026-11-29T09:30:00+19:00")).isNull();
        assertThat(CapDateTime.parseOrNull("2026-11-29T09:30:60+08:00")).isNull();
        assertThat(CapDateTime.parseOrNull("2026-11-29T09:3O:00+08:00")).isNull();
    }

    @Test
    void stillReadsOtherIsoFormsThroughTheGeneralParser() {
        assertThat(CapDateTime.parseOrNull("2026-11-29T09:30:00Z")).isEqualTo(OffsetDateTime.parse("2026-11-29T09:30:00Z"));
        assertThat(CapDateTime.parseOrNull("2026-11-29T09:30:00.5+08:00")).isNotNull();
        assertThat(CapDateTime.parseOrNull("yesterday")).isNull();
    }

    /** The fast path answers exactly like {@code OffsetDateTime.parse} for every text of CAP's length and shape. */
    @Property(tries = 3000)
    void fastPathAgreesWithTheIsoParser(@ForAll("capShaped") String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            expected = null;
        }
        assertThat(CapDateTime.parseOrNull(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> capShaped() {
        Arbitrary<String> year = Arbitraries.integers().between(0, 9999).map(i -> String.format("%04d", i));
        Arbitrary<Character> sign = Arbitraries.of('+', '-', '+', '-', 'Z', ' ');
        Arbitrary<Character> sep = Arbitraries.of('T', 'T', 'T', 't', ' ');
        Arbitrary<String> date = Combinators.combine(year, upTo(13), upTo(32), sep)
                .as((y, mo, d, t) -> y + "-" + mo + "-" + d + t);
        Arbitrary<String> time = Combinators.combine(upTo(25), upTo(61), upTo(61), sign, upTo(19), upTo(61))
                .as((h, mi, s, sg, oh, om) -> h + ":" + mi + ":" + s + sg + oh + ":" + om);
        return Combinators.combine(date, time).as((d, t) -> d + t);
    }

    private static Arbitrary<String> upTo(int max) {
        return Arbitraries.integers().between(0, max).map(i -> String.format("%02d", i));
    }
}
