package io.tocsin.targeting.directory;

import io.tocsin.targeting.grid.GridSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates subscribers and builds the grid-sorted {@link SubscriberDirectory} with one counting sort by
 * cell key. The cell size defaults to one that puts about {@value #TARGET_PER_CELL} subscribers in an
 * average cell of the bounding box (dense areas hold far more): fine cells keep the boundary cells, whose
 * subscribers are tested one by one, few, at 4 bytes per cell. Not thread-safe; single use.
 */
public final class DirectoryBuilder {
    static final double TARGET_PER_CELL = 0.5;
    public static final byte NO_REGION = (byte) 0xff;

    private final List<String> carriers = new ArrayList<>();
    private final List<String> languages = new ArrayList<>();
    private final List<String> regionCodes;
    private final Map<String, Integer> regionIndex = new HashMap<>();
    private long[] msisdn;
    private int[] latE7;
    private int[] lonE7;
    private byte[] carrier;
    private byte[] language;
    private byte[] groups;
    private byte[] region;
    private int size;

    /** @param regionCodes the region table (index = region byte); at most 255 entries */
    public DirectoryBuilder(List<String> regionCodes, int expectedSize) {
        if (regionCodes.size() > 255) {
            throw new IllegalArgumentException("at most 255 regions");
        }
        this.regionCodes = List.copyOf(regionCodes);
        for (int i = 0; i < regionCodes.size(); i++) {
            regionIndex.put(regionCodes.get(i), i);
        }
        int cap = Math.max(16, expectedSize);
        msisdn = new long[cap];
        latE7 = new int[cap];
        lonE7 = new int[cap];
        carrier = new byte[cap];
        language = new byte[cap];
        groups = new byte[cap];
        region = new byte[cap];
    }

    /** Builds a directory from whole columns (as read from a binary file) with the given tables. */
    static SubscriberDirectory fromColumns(List<String> carriers, List<String> languages, List<String> regionCodes,
                                           long[] msisdn, int[] latE7, int[] lonE7, byte[] carrier, byte[] language,
                                           byte[] groups, byte[] region, int cellE7) {
        DirectoryBuilder b = new DirectoryBuilder(regionCodes, 0);
        b.carriers.addAll(carriers);
        b.languages.addAll(languages);
        b.msisdn = msisdn;
        b.latE7 = latE7;
        b.lonE7 = lonE7;
        b.carrier = carrier;
        b.language = language;
        b.groups = groups;
        b.region = region;
        b.size = msisdn.length;
        return b.build(cellE7);
    }

    public int carrierIndex(String name) {
        return intern(carriers, name);
    }

    public int languageIndex(String tag) {
        return intern(languages, tag);
    }

    /** Region byte for a code, or {@link #NO_REGION} when the code is not in the table. */
    public byte regionByte(String code) {
        Integer i = code == null ? null : regionIndex.get(code);
        return i == null ? NO_REGION : (byte) (int) i;
    }

    public void add(long number, int carrierIdx, double lat, double lon, int languageIdx, int groupMask, byte regionByte) {
        if (size == msisdn.length) {
            grow();
        }
        msisdn[size] = number;
        latE7[size] = GridSpec.toE7(lat);
        lonE7[size] = GridSpec.toE7(lon);
        carrier[size] = (byte) carrierIdx;
        language[size] = (byte) languageIdx;
        groups[size] = (byte) groupMask;
        region[size] = regionByte;
        size++;
    }

    public int size() {
        return size;
    }

    public SubscriberDirectory build() {
        return build(0);
    }

    /** Builds with cells of {@code cellE7} (1e-7 degrees), or an automatic size when {@code cellE7 <= 0}. */
    public SubscriberDirectory build(int cellE7) {
        int minLon = Integer.MAX_VALUE, minLat = Integer.MAX_VALUE, maxLon = Integer.MIN_VALUE, maxLat = Integer.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            minLon = Math.min(minLon, lonE7[i]);
            maxLon = Math.max(maxLon, lonE7[i]);
            minLat = Math.min(minLat, latE7[i]);
            maxLat = Math.max(maxLat, latE7[i]);
        }
        if (size == 0) {
            minLon = minLat = 0;
            maxLon = maxLat = 1;
        }
        if (cellE7 <= 0) {
            double areaE14 = (double) (maxLon - minLon + 1) * (maxLat - minLat + 1);
            double cell = Math.sqrt(areaE14 * TARGET_PER_CELL / Math.max(1, size));
            cellE7 = (int) Math.max(1_000, Math.min(500_000, cell));
        }
        GridSpec grid = GridSpec.covering(minLon, minLat, maxLon, maxLat, cellE7);
        int[] key = new int[size];
        int[] start = new int[grid.cells() + 1];
        for (int i = 0; i < size; i++) {
            key[i] = grid.key(lonE7[i], latE7[i]);
            start[key[i] + 1]++;
        }
        for (int k = 0; k < grid.cells(); k++) {
            start[k + 1] += start[k];
        }
        int[] next = Arrays.copyOf(start, grid.cells());
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[next[key[i]]++] = i;
        }
        key = null;
        next = null;
        SubscriberDirectory d = new SubscriberDirectory(grid, start,
                permuteLong(msisdn, order), permuteInt(latE7, order), permuteInt(lonE7, order),
                permuteByte(carrier, order), permuteByte(language, order), permuteByte(groups, order),
                permuteByte(region, order), carriers, languages, regionCodes);
        msisdn = null;
        latE7 = lonE7 = null;
        carrier = language = groups = region = null;
        return d;
    }

    private static long[] permuteLong(long[] a, int[] order) {
        long[] out = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    private static int[] permuteInt(int[] a, int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    private static byte[] permuteByte(byte[] a, int[] order) {
        byte[] out = new byte[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    private void grow() {
        int cap = msisdn.length * 2;
        msisdn = Arrays.copyOf(msisdn, cap);
        latE7 = Arrays.copyOf(latE7, cap);
        lonE7 = Arrays.copyOf(lonE7, cap);
        carrier = Arrays.copyOf(carrier, cap);
        language = Arrays.copyOf(language, cap);
        groups = Arrays.copyOf(groups, cap);
        region = Arrays.copyOf(region, cap);
    }

    private static int intern(List<String> table, String value) {
        int i = table.indexOf(value);
        if (i >= 0) {
            return i;
        }
        if (table.size() >= 127) {
            throw new IllegalArgumentException("too many distinct values: " + value);
        }
        table.add(value);
        return table.size() - 1;
    }
}
