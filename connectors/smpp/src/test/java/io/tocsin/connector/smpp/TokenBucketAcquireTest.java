package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link TokenBucket#acquire} with many submitters waiting on one bucket (each reserves a slot and parks once): it
 * never hands out more than the burst plus the rate allows, and a pause voids reservations made before it. Only
 * lower bounds on time are asserted (the bucket may always be slower, never faster).
 */
class TokenBucketAcquireTest {

    @Test
    @Timeout(30)
    void manyWaitingSubmittersNeverGetMoreThanTheBurstPlusTheRate() throws Exception {
        double rate = 2000;
        int burst = 4;
        TokenBucket bucket = new TokenBucket(rate, burst, System::nanoTime);
        int threads = 32;
        int perThread = 25;
        List<Long> grants = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    assertThat(bucket.acquire(() -> false)).isTrue();
                    grants.add(System.nanoTime());
                }
            });
            th.start();
            all.add(th);
        }
        go.countDown();
        for (Thread th : all) {
            th.join();
        }
        List<Long> sorted = new ArrayList<>(grants);
        Collections.sort(sorted);
        assertThat(sorted).hasSize(threads * perThread);
        for (int k = 0; k < sorted.size(); k++) {
            // the bucket starts with one token and may hold up to the burst; grant k needs k tokens of refill
            double earliest = (k + 1 - burst) / rate * 1e9;
            assertThat((double) (sorted.get(k) - t0)).as("grant %d", k).isGreaterThanOrEqualTo(earliest - 1e6);
        }
    }

    @Test
    @Timeout(30)
    void aPauseVoidsSlotsReservedBeforeIt() throws Exception {
        TokenBucket bucket = new TokenBucket(10, 1, System::nanoTime);
        assertThat(bucket.acquire(() -> false)).isTrue(); // the only token; the next slots are 100 ms apart
        List<Long> at = Collections.synchronizedList(new ArrayList<>());
        List<Thread> waiting = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                if (bucket.acquire(() -> false)) {
                    at.add(System.nanoTime());
                }
            });
            th.start();
            waiting.add(th);
        }
        for (Thread th : waiting) { // parked = its slot is reserved (or already granted)
            while (th.isAlive() && th.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
        }
        long before = System.nanoTime();
        bucket.pauseFor(600_000_000L);
        long after = System.nanoTime();
        for (Thread th : waiting) {
            th.join();
        }
        assertThat(at).hasSize(4);
        for (long t : at) {
            // granted before the pause took effect, or only once it was over: never a reserved slot inside it
            assertThat(t < after || t - before >= 600_000_000L - 1_000_000L).as("grant %d ns after the pause", t - before)
                    .isTrue();
        }
    }
}
