package io.tocsin.dist.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Latency samples in milliseconds with nearest-rank percentiles. Not thread-safe. */
final class Samples {
    private final List<Double> values = new ArrayList<>();
    private int missing;

    /** Adds a sample; NaN (nothing measured, e.g. nothing arrived) is counted apart, not in the percentiles. */
    void add(double millis) {
        if (Double.isNaN(millis)) {
            missing++;
        } else {
            values.add(millis);
        }
    }

    int size() {
        return values.size();
    }

    /** Nearest-rank percentile (p in 0..100), NaN when empty. */
    double percentile(double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    double max() {
        return percentile(100);
    }

    /** "p50 1.2 ms, p99 3.4 ms (n=20)". */
    String summary() {
        if (values.isEmpty()) {
            return "no samples" + (missing > 0 ? " (" + missing + " without a measurement)" : "");
        }
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms (n=%d)", percentile(50), percentile(99), size())
                + (missing > 0 ? ", " + missing + " without a measurement" : "");
    }
}
