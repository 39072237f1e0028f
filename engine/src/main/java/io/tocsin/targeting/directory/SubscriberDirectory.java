package io.tocsin.targeting.directory;

import io.tocsin.targeting.grid.GridSpec;
import java.util.List;

/**
 * The subscriber directory, stored column-wise in primitive arrays and sorted by grid cell so that the
 * subscribers of cell {@code k} are the index range {@code [cellStart[k], cellStart[k+1])}. Per subscriber:
 * MSISDN (long), latitude and longitude (int, 1e-7 degrees), carrier, language, group bits and home region
 * (one byte each) — 20 bytes, plus 4 bytes per grid cell. Carrier, language and region bytes index the
 * name tables. Built by {@link DirectoryBuilder}; immutable afterwards and safe to share between threads.
 */
public final class SubscriberDirectory {
    private final GridSpec grid;
    private final int[] cellStart;
    private final long[] msisdn;
    private final int[] latE7;
    private final int[] lonE7;
    private final byte[] carrier;
    private final byte[] language;
    private final byte[] groups;
    private final byte[] region;
    private final List<String> carriers;
    private final List<String> languages;
    private final List<String> regionCodes;

    SubscriberDirectory(GridSpec grid, int[] cellStart, long[] msisdn, int[] latE7, int[] lonE7, byte[] carrier,
                        byte[] language, byte[] groups, byte[] region, List<String> carriers,
                        List<String> languages, List<String> regionCodes) {
        this.grid = grid;
        this.cellStart = cellStart;
        this.msisdn = msisdn;
        this.latE7 = latE7;
        this.lonE7 = lonE7;
        this.carrier = carrier;
        this.language = language;
        this.groups = groups;
        this.region = region;
        this.carriers = List.copyOf(carriers);
        this.languages = List.copyOf(languages);
        this.regionCodes = List.copyOf(regionCodes);
    }

    public int size() {
        return msisdn.length;
    }

    public GridSpec grid() {
        return grid;
    }

    /** First subscriber index of grid cell {@code key}; {@code cellStart(key + 1)} is one past its last. */
    public int cellStart(int key) {
        return cellStart[key];
    }

    public long msisdn(int i) {
        return msisdn[i];
    }

    public int latE7(int i) {
        return latE7[i];
    }

    public int lonE7(int i) {
        return lonE7[i];
    }

    /** Latitude in degrees: exactly {@code latE7 / 1e7}, the value every geometric test uses. */
    public double lat(int i) {
        return latE7[i] / GridSpec.E7;
    }

    public double lon(int i) {
        return lonE7[i] / GridSpec.E7;
    }

    public int carrierIndex(int i) {
        return carrier[i];
    }

    public int languageIndex(int i) {
        return language[i];
    }

    public int groups(int i) {
        return groups[i];
    }

    public int regionIndex(int i) {
        return region[i] & 0xff;
    }

    public String carrier(int i) {
        return carriers.get(carrier[i]);
    }

    public String language(int i) {
        return languages.get(language[i]);
    }

    /** Home region code, or null when the subscriber lies in no known region. */
    public String regionCode(int i) {
        int r = region[i] & 0xff;
        return r == 0xff ? null : regionCodes.get(r);
    }

    public List<String> carriers() {
        return carriers;
    }

    public List<String> languages() {
        return languages;
    }

    public List<String> regionCodes() {
        return regionCodes;
    }

    /** Bytes held by the arrays (object headers ignored): the honest per-subscriber cost. */
    public long heapBytes() {
        return 8L * msisdn.length + 4L * latE7.length + 4L * lonE7.length + carrier.length + language.length
                + groups.length + region.length + 4L * cellStart.length;
    }
}
