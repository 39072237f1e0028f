package io.tocsin.dist.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures from a unified GC log ({@code -Xlog:gc}): the most heap used before any collection, the most
 * still live after one (the working set), and the heap size, in MiB, from lines such as
 * {@code Pause Young (Normal) (G1 Evacuation Pause) 120M->30M(256M) 3.1ms}. Immutable.
 */
record GcLog(long peakUsedMib, long peakLiveMib, long committedMib, int collections) {
    private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    static GcLog read(Path... files) {
        long used = 0;
        long live = 0;
        long committed = 0;
        int n = 0;
        for (Path file : files) {
            if (file == null || !Files.exists(file)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(file)) {
                    Matcher m = PAUSE.matcher(line);
                    if (m.find()) {
                        n++;
                        used = Math.max(used, Long.parseLong(m.group(1)));
                        live = Math.max(live, Long.parseLong(m.group(2)));
                        committed = Math.max(committed, Long.parseLong(m.group(3)));
                    }
                }
            } catch (IOException e) {
                // a log being written by a killed process: use what was read
            }
        }
        return new GcLog(used, live, committed, n);
    }
}
