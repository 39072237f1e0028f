package io.tocsin.dist;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the demo's time goes: named moments on one clock, printed at the end as a table of phases (each phase
 * runs from the previous moment to its own). The first phase, "JVM start", runs from the launcher's start
 * ({@code -Dtocsin.launched}, epoch milliseconds, set by the {@code tocsin} script) or else the JVM's own start
 * to the moment {@link #DemoPhases()} was called.
 *
 * <p>Thread-safe (marks may come from any thread; the table is printed once, at the end).
 */
final class DemoPhases {
    private record Mark(String phase, long epochMillis) {
    }

    private final long originMillis;
    private final String origin;
    private final List<Mark> marks = new ArrayList<>();

    DemoPhases() {
        String launched = System.getProperty("tocsin.launched", "");
        long jvm = ManagementFactory.getRuntimeMXBean().getStartTime();
        long from = jvm;
        String label = "JVM start";
        if (launched.matches("\\d{13}")) {
            from = Long.parseLong(launched);
            label = "launcher";
        }
        this.originMillis = from;
        this.origin = label;
        mark("JVM start, CLI parsed");
    }

    /** Ends the current phase now, naming it. */
    synchronized void mark(String phase) {
        marks.add(new Mark(phase, System.currentTimeMillis()));
    }

    /** Ends the phase at a moment observed elsewhere (e.g. a ledger timeline entry), if it is later than the last. */
    synchronized void markAt(String phase, long epochMillis) {
        long last = marks.isEmpty() ? originMillis : marks.get(marks.size() - 1).epochMillis;
        marks.add(new Mark(phase, Math.max(last, epochMillis)));
    }

    /** Seconds since the origin (the launcher's start, else the JVM's). */
    synchronized double elapsedSeconds() {
        return (System.currentTimeMillis() - originMillis) / 1000.0;
    }

    synchronized void print(PrintStream out) {
        out.printf("time per phase (from the %s's start):%n", origin);
        long previous = originMillis;
        for (Mark m : marks) {
            out.printf("  %-56s %7.2f s   (at %6.2f s)%n", m.phase, (m.epochMillis - previous) / 1000.0,
                    (m.epochMillis - originMillis) / 1000.0);
            previous = m.epochMillis;
        }
        out.printf("  %-56s %7.2f s%n", "total, start to exit", (previous - originMillis) / 1000.0);
    }
}
