package io.tocsin.dist.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fresh bearer keys for one harness run: one per publisher (name → key) and one operator key. Only their SHA-256
 * goes into the generated configuration. Immutable.
 */
record BenchKeys(Map<String, String> publishers, String operator) {
    /** The publishers every run configures (city-wide scope each, no approval). */
    static final List<String> PUBLISHERS = List.of("gz-meteorological-observatory", "gz-flood-control",
            "gz-geology-survey", "gz-forestry-fire");
    static final String OPERATOR = "bench-duty-officer";

    static BenchKeys generate() {
        SecureRandom random = new SecureRandom();
        Map<String, String> keys = new LinkedHashMap<>();
        for (String p : PUBLISHERS) {
            keys.put(p, "bench-" + p + "-" + HexFormat.of().formatHex(bytes(random)));
        }
        return new BenchKeys(Map.copyOf(keys), "bench-operator-" + HexFormat.of().formatHex(bytes(random)));
    }

    String key(int publisher) {
        return publishers.get(PUBLISHERS.get(publisher % PUBLISHERS.size()));
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(SecureRandom random) {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return b;
    }
}
