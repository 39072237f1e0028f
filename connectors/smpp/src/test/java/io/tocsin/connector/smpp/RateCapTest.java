package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tocsin.cap.Alert;
import io.tocsin.connector.DispatchState;
import io.tocsin.sim.smpp.SmscSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rate caps: 3 carriers × 4 binds × 500 TPS (account 2000 TPS each) against SMSCs enforcing the same caps.
 * Every bind and every carrier stays within 2% of its cap over any one-second window, and a large alert
 * completes near the theoretical minimum (segments / 6000 per second). CI runs 36,000 recipients (6 s
 * minimum) and allows 1.5× it, since a timed test on a shared machine judges the machine as much as the code;
 * {@code -Dtocsin.smpp.capped=1000000} runs the full million (~167 s) and holds it to the 5%.
 */
class RateCapTest {

    private static final int N = Integer.getInteger("tocsin.smpp.capped", 36_000);
    private static final double BIND_TPS = 500;
    private static final int BINDS = 4;
    /** Set only for the measured run: {@code -Dtocsin.smpp.capped=1000000}. */
    private static final boolean MEASURED = System.getProperty("tocsin.smpp.capped") != null;

    @Test
    @Timeout(1200)
    void capsAreRespectedWithinTwoPercentAndTheAlertCompletesWithinFivePercentOfTheMinimum() throws Exception {
        try (SimulatedCarriers carriers = new SimulatedCarriers(c -> c.withPassword("secret")
                .withLimits(BIND_TPS, BIND_TPS * BINDS, 8))) {
            RecordingSink sink = new RecordingSink(N, false);
            ObjectNode settings = carriers.settings(BINDS, 8, BIND_TPS, BIND_TPS * BINDS);
            settings.put("queue_capacity", 20_000);
            SmppConnector connector = new SmppConnector("sms", SimulatedCarriers.read(settings), sink,
                    Clock.systemUTC());
            Alert alert = shortAlert();
            try {
                connector.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> connector.health().status().name().equals("UP"));
                long started = System.nanoTime();
                long cpu0 = processCpuNanos();
                long switches0 = contextSwitches();
                new OfferLoop().run(connector, N, i -> TestAlerts.dispatch(i, alert, SimulatedCarriers.msisdn(i),
                        SimulatedCarriers.carrier(i), "en", null), System.nanoTime() + Duration.ofMinutes(19).toNanos());
                await().atMost(Duration.ofMinutes(19)).pollInterval(Duration.ofMillis(20))
                        .until(() -> sink.count(DispatchState.ACCEPTED) >= N);
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
                long switches = contextSwitches() - switches0;
                double minimum = N / (3 * BINDS * BIND_TPS);
                long[] peaks = new long[3];
                for (int c = 0; c < 3; c++) {
                    peaks[c] = carriers.smscs.get(c).rate().peakPerSecond();
                }
                System.out.printf("rate caps: %d single-segment dispatches in %.2f s (minimum %.2f s, +%.1f%%), "
                        + "carrier peaks/s %s, bind peaks/s %s, %s%n", N, seconds, minimum,
                        100 * (seconds / minimum - 1), java.util.Arrays.toString(peaks),
                        carriers.smscs.stream().map(SmscSimulator::bindPeaks).toList(), connector.stats());
                System.out.printf("rate caps: this JVM (3 SMSC simulators + connector + offer loop) used %.1f s of CPU"
                        + " (%.0f µs per dispatch, %.0f%% of %d cores), %d context switches (%.1f per dispatch)%n",
                        cpuSeconds, cpuSeconds * 1e6 / N, 100 * cpuSeconds / seconds
                                / Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().availableProcessors(), switches, (double) switches / N);

                // The 5% completion target is a benchmark figure (the full million, by hand, recorded in
                // bench/RESULTS.md). The CI-sized run only checks that the alert is not held far below the caps.
                assertThat(seconds).isLessThanOrEqualTo(minimum * (MEASURED ? 1.05 : 1.5));
                for (SmscSimulator s : carriers.smscs) {
                    assertThat(s.rate().peakPerSecond()).isLessThanOrEqualTo((long) (BIND_TPS * BINDS * 1.02));
                    List<Long> bindPeaks = s.bindPeaks();
                    assertThat(bindPeaks).hasSize(BINDS);
                    assertThat(bindPeaks).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo((long) (BIND_TPS * 1.02)));
                }
                assertThat(carriers.recipients()).isEqualTo(N);
            } finally {
                connector.close();
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Voluntary + involuntary context switches of this JVM's live threads (Linux /proc; -1 elsewhere). */
    private static long contextSwitches() {
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return -1;
        }
        long n = 0;
        for (java.io.File t : tasks) {
            try {
                for (String line : java.nio.file.Files.readAllLines(t.toPath().resolve("status"))) {
                    if (line.contains("ctxt_switches:")) {
                        n += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // the thread ended meanwhile
            }
        }
        return n;
    }

    private static Alert shortAlert() {
        Alert typhoon = TestAlerts.typhoon();
        return typhoon.withInfos(List.of(TestAlerts.info("en-US", "Typhoon red warning: stay indoors", null, null)));
    }
}
