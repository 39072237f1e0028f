package io.tocsin.dist.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reading of a process from Linux {@code /proc}: CPU seconds used so far (user + system, at the usual
 * 100 ticks per second), resident set and its peak ({@code VmRSS}, {@code VmHWM}) in bytes. Zeros when
 * {@code /proc} cannot be read. Immutable.
 */
record ProcSample(long nanos, double cpuSeconds, long rssBytes, long peakRssBytes) {
    private static final Pattern KB = Pattern.compile("(\\d+) kB");

    static ProcSample of(long pid) {
        long now = System.nanoTime();
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime (fields 14, 15)
            long rss = 0;
            long hwm = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kb(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kb(line);
                }
            }
            return new ProcSample(now, cpu, rss, hwm);
        } catch (IOException | RuntimeException e) {
            return new ProcSample(now, 0, 0, 0);
        }
    }

    private static long kb(String line) {
        Matcher m = KB.matcher(line);
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : 0;
    }

    /** Cores used on average between an earlier sample and this one. */
    double coresSince(ProcSample earlier) {
        double wall = (nanos - earlier.nanos) / 1e9;
        return wall <= 0 ? 0 : (cpuSeconds - earlier.cpuSeconds) / wall;
    }
}
