package io.tocsin.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Property(tries = 300)
    void millisToReachIsTheBucketWhereTheSortedLatenciesReachTheCount(
            @ForAll @Size(min = 1, max = 400) List<@LongRange(min = -5, max = 4_000_000) Long> latencies,
            @ForAll @LongRange(min = 0, max = 500) long count) {
        LatencyHistogram h = new LatencyHistogram();
        latencies.forEach(h::add);
        long[] sorted = latencies.stream().mapToLong(l -> Math.min(LatencyHistogram.MAX_BUCKETS - 1,
                Math.max(0, l) / LatencyHistogram.BUCKET_MILLIS) * LatencyHistogram.BUCKET_MILLIS).toArray();
        Arrays.sort(sorted);
        long expected = count == 0 ? 0 : count > sorted.length ? -1 : sorted[(int) count - 1];
        assertThat(h.millisToReach(count)).isEqualTo(expected);
    }

    @Test
    void aLongFanOutIsAnsweredAcrossBlockBoundaries() {
        LatencyHistogram h = new LatencyHistogram();
        for (long ms = 0; ms < 60_000; ms++) {
            h.add(ms); // one event per millisecond for a minute: 6,000 buckets of 10
        }
        assertThat(h.total()).isEqualTo(60_000);
        assertThat(h.millisToReach(1)).isZero();
        assertThat(h.millisToReach(30_000)).isEqualTo(29_990);
        assertThat(h.millisToReach(25_600)).isEqualTo(25_590); // last bucket of the tenth block
        assertThat(h.millisToReach(25_601)).isEqualTo(25_600); // first of the eleventh
        assertThat(h.millisToReach(60_000)).isEqualTo(59_990);
        assertThat(h.millisToReach(60_001)).isEqualTo(-1);
    }
}
