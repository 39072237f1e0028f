package io.tocsin.cbs.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LimitsTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-29T00:00:00Z");

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

    @Test
    void tokenBucketRefillsAtItsRate() {
        ManualClock clock = new ManualClock();
        TokenBucket b = new TokenBucket(10, 1, clock);
        for (int i = 0; i < 10; i++) {
            assertThat(b.tryTake(1)).isTrue();
        }
        assertThat(b.tryTake(1)).isFalse();
        clock.now = clock.now.plus(Duration.ofMillis(99));
        assertThat(b.tryTake(1)).isFalse();
        clock.now = clock.now.plus(Duration.ofMillis(1));
        assertThat(b.tryTake(1)).isTrue();
        assertThat(new TokenBucket(0, 1, clock).tryTake(1_000_000)).isTrue();
    }

    @Test
    void inFlightSlotsAreReservedAllOrNothing() {
        CbcEndpointState e = new CbcEndpointState(new EndpointSettings("p", java.net.URI.create("http://a:1"), 0, 3), 2, new ManualClock());
        assertThat(e.tryAdmit(2)).isTrue();
        assertThat(e.tryAdmit(2)).isFalse();
        assertThat(e.inFlight()).isEqualTo(2);
        e.release(2);
        assertThat(e.tryAdmit(3)).isTrue();
    }

    @Test
    void anEndpointGoesDownAtOnceWhenRefusedAndAfterRepeatedFailuresOtherwise() {
        CbcEndpointState e = new CbcEndpointState(new EndpointSettings("p", java.net.URI.create("http://a:1"), 0, 3), 2, new ManualClock());
        e.failed("503");
        assertThat(e.up()).isTrue();
        e.failed("503");
        assertThat(e.up()).isFalse();
        e.answered();
        assertThat(e.up()).isTrue();
        e.refused("connection refused");
        assertThat(e.up()).isFalse();
        e.probed(true, "");
        assertThat(e.up()).isTrue();
    }
}
