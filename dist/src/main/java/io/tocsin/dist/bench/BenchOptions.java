package io.tocsin.dist.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one harness run. Immutable.
 *
 * @param root          the Tocsin root (config/geo is read from it)
 * @param work          work directory (engine config, journal, logs); wiped data on start
 * @param subscribers   generated directory size in the engine
 * @param cells         generated cell sites
 * @param seed          seed of the directory and sites (engine and harness use the same)
 * @param caps          each carrier's SMS cap, submit_sm per second (SMSC enforces, connector paces)
 * @param window        the engine's in-flight window per connector (offered, unanswered)
 * @param broadcast     also radio (WAV drop folders) and TV (AMCP playout)
 * @param engineHeap    -Xmx of the engine process, e.g. "2g"
 * @param startTimeoutSeconds longest wait for the engine to serve
 * @param engineJvmArgs further JVM options of the engine process (tests use C1 only and the serial GC to start
 *                      faster on a loaded machine; the measured runs use none)
 * @param baselineSeconds how long the raw jSMPP baseline runs before a measured fan-out
 */
record BenchOptions(Path root, Path work, int subscribers, int cells, long seed, Map<String, Double> caps,
                    int window, boolean broadcast, String engineHeap, int startTimeoutSeconds,
                    java.util.List<String> engineJvmArgs, double baselineSeconds) {

    BenchOptions {
        engineJvmArgs = java.util.List.copyOf(engineJvmArgs);
    }

    /**
     * Caps in proportion to each carrier's share of the generated directory (60/20/20, as in Guangdong), as a carrier
     * provisions its emergency gateway for its own subscribers: so the sum of the caps is reachable by a city-wide
     * fan-out (with 50/25/25 caps the 60% carrier bounds it to 83% of their sum, whatever the engine does).
     */
    static Map<String, Double> defaultCaps() {
        Map<String, Double> caps = new LinkedHashMap<>();
        caps.put("cmcc", 1200.0);
        caps.put("cucc", 400.0);
        caps.put("ctcc", 400.0);
        return caps;
    }

    /** Parses {@code cmcc=1000,cucc=500,ctcc=500}. */
    static Map<String, Double> parseCaps(String text) {
        Map<String, Double> caps = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("caps are carrier=tps,...: " + text);
            }
            caps.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
        }
        return caps;
    }
}
