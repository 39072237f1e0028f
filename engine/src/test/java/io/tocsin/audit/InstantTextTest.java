package io.tocsin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    /** Same text (ASCII bytes) as Instant.toString for any instant, including consecutive calls within and across seconds. */
    @Property(tries = 5000)
    void writesWhatInstantToStringWrites(@ForAll("instants") Instant first, @ForAll("nanos") int laterNanos) {
        InstantText times = new InstantText();
        Instant sameSecond = Instant.ofEpochSecond(first.getEpochSecond(), laterNanos);
        Instant nextSecond = sameSecond.plusSeconds(1);
        for (Instant at : new Instant[] {first, sameSecond, nextSecond, first}) {
            assertThat(text(times, at)).isEqualTo(at.toString());
        }
    }

    @Test
    void zeroSecondsZeroFractionAndTheEdgesOfTheFourDigitYears() {
        InstantText times = new InstantText();
        for (String s : new String[] {"2026-11-29T18:42:00Z", "2026-11-29T00:00:00.000000001Z", "2026-11-29T18:42:09.100Z",
                "2026-11-29T18:42:09.000100Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"}) {
            Instant at = Instant.parse(s);
            assertThat(text(times, at)).isEqualTo(at.toString());
        }
    }

    /** Written after a few bytes already in the buffer, and never past the room {@code length} promised. */
    private static String text(InstantText times, Instant at) {
        byte[] b = new byte[3 + InstantText.length(at)];
        int end = times.write(b, 3, at);
        assertThat(end).isLessThanOrEqualTo(b.length);
        return new String(b, 3, end - 3, StandardCharsets.US_ASCII);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(-62_167_219_200L - 10_000, 253_402_300_799L + 10_000)
                .flatMap(s -> nanos().map(n -> Instant.ofEpochSecond(s, n)));
    }

    @Provide
    Arbitrary<Integer> nanos() {
        return Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(m -> m * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(u -> u * 1000),
                Arbitraries.integers().between(0, 999_999_999));
    }
}
