package io.tocsin.targeting.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configurable table that maps foreign geocode schemes (SAME/FIPS6, UGC) onto region codes, and back
 * (which SAME codes to put in a radio header for a region). File format: one {@code scheme<TAB>code<TAB>
 * region_code} per line, {@code #} comments. Immutable after loading; thread-safe.
 */
public final class GeocodeAliases {
    private final Map<String, Map<String, List<String>>> forward = new HashMap<>();
    private final Map<String, Map<String, List<String>>> reverse = new HashMap<>();

    public static GeocodeAliases empty() {
        return new GeocodeAliases();
    }

    public static GeocodeAliases load(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(in, file.toString());
        }
    }

    /** Reads the table from {@code in}; errors name {@code source} and the line. Does not close {@code in}. */
    public static GeocodeAliases load(BufferedReader in, String source) throws IOException {
        GeocodeAliases a = new GeocodeAliases();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\t");
            if (f.length < 3) {
                throw new IOException(source + ":" + n + ": expected scheme<TAB>code<TAB>region_code");
            }
            a.add(f[0].strip(), f[1].strip(), f[2].strip());
        }
        return a;
    }

    public void add(String scheme, String code, String regionCode) {
        String s = scheme.toUpperCase(java.util.Locale.ROOT);
        forward.computeIfAbsent(s, k -> new HashMap<>()).computeIfAbsent(code, k -> new ArrayList<>()).add(regionCode);
        reverse.computeIfAbsent(s, k -> new LinkedHashMap<>()).computeIfAbsent(regionCode, k -> new ArrayList<>()).add(code);
    }

    /** Region codes for a code of a scheme ({@code SAME}, {@code UGC}), empty when unknown. */
    public List<String> regionsFor(String scheme, String code) {
        return forward.getOrDefault(scheme, Map.of()).getOrDefault(code, List.of());
    }

    /** Codes of a scheme that stand for this region, empty when none. */
    public List<String> codesFor(String scheme, String regionCode) {
        return reverse.getOrDefault(scheme, Map.of()).getOrDefault(regionCode, List.of());
    }
}
