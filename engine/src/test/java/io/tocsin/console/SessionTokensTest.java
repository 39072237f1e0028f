package io.tocsin.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    /** A clock a test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock(Fixtures.T0);
    private final SessionTokens tokens = new SessionTokens(clock, Duration.ofSeconds(60), 3);

    @Test
    void tokenNamesItsOperatorUntilItExpires() {
        SessionTokens.Session s = tokens.issue("alice");
        assertThat(s.token()).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
        assertThat(s.expiresAt()).isEqualTo(Fixtures.T0.plusSeconds(60));
        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.operator(s.token())).contains("alice");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.operator(s.token())).isEmpty();
    }

    @Test
    void unknownEmptyAndOversizedTokensAreRefused() {
        tokens.issue("alice");
        assertThat(tokens.operator("nope")).isEmpty();
        assertThat(tokens.operator("")).isEmpty();
        assertThat(tokens.operator(null)).isEmpty();
        assertThat(tokens.operator("x".repeat(10_000))).isEmpty();
    }

    @Test
    void liveTokensAreBoundedAndEachIsDistinct() {
        String first = tokens.issue("a").token();
        String second = tokens.issue("b").token();
        tokens.issue("c");
        tokens.issue("d");
        assertThat(tokens.live()).isEqualTo(3);
        assertThat(first).isNotEqualTo(second);
        assertThat(tokens.operator(first)).as("the oldest token is the one evicted").isEmpty();
        assertThat(tokens.operator(second)).contains("b");
    }
}
