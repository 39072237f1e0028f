package io.tocsin.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * Times the steps of a start-up on the starting thread: wall time of each step and, as {@code name/cpu}, the
 * CPU time that thread spent in it (on a loaded machine the CPU time says what the step costs, the wall time
 * what it took). Stateless; call from the starting thread only.
 */
final class StartupClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ThreadLocal<long[]> LAST_CPU = ThreadLocal.withInitial(() -> new long[] {cpu()});

    private StartupClock() {
    }

    /** Starts counting this thread's CPU time from now. */
    static void start() {
        LAST_CPU.get()[0] = cpu();
    }

    /** Puts {@code name} → ms since {@code since} (nanoTime) and {@code name/cpu} → this thread's CPU ms since the last lap. */
    static long lap(Map<String, Long> phases, String name, long since) {
        long now = System.nanoTime();
        long cpu = cpu();
        long[] last = LAST_CPU.get();
        phases.put(name, (now - since) / 1_000_000);
        if (cpu >= 0) {
            phases.put(name + "/cpu", (cpu - last[0]) / 1_000_000);
            last[0] = cpu;
        }
        return now;
    }

    private static long cpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }
}
