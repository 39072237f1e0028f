package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void handsOutTokensAtTheConfiguredRateOnAManualClock() {
        TokenBucket bucket = new TokenBucket(500, 1, now::get);
        int taken = 0;
        for (int step = 0; step < 10_000; step++) {
            now.addAndGet(100_000L); // 0.1 ms
            while (bucket.tryAcquire() == 0) {
                taken++;
            }
        }
        // one second elapsed: 500 tokens plus the one it starts with
        assertThat(taken).isBetween(500, 501);
    }

    @Test
    void saysHowLongToWaitWhenEmpty() {
        TokenBucket bucket = new TokenBucket(1000, 1, now::get);
        assertThat(bucket.tryAcquire()).isZero();
        long wait = bucket.tryAcquire();
        assertThat(wait).isBetween(900_000L, 1_000_000L);
        now.addAndGet(wait);
        assertThat(bucket.tryAcquire()).isZero();
    }

    @Test
    void burstIsCappedAfterIdleTime() {
        TokenBucket bucket = new TokenBucket(100, 5, now::get);
        now.addAndGet(10_000_000_000L);
        int taken = 0;
        while (bucket.tryAcquire() == 0) {
            taken++;
        }
        assertThat(taken).isEqualTo(5);
    }

    @Test
    void pauseWithholdsTokensUntilItEnds() {
        TokenBucket bucket = new TokenBucket(0, 1, now::get);
        assertThat(bucket.unlimited()).isTrue();
        assertThat(bucket.tryAcquire()).isZero();
        bucket.pauseFor(50_000_000L);
        assertThat(bucket.tryAcquire()).isEqualTo(50_000_000L);
        now.addAndGet(50_000_000L);
        assertThat(bucket.tryAcquire()).isZero();
    }
}
