package io.tocsin.ledger;

import io.tocsin.connector.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The region of each dispatch of one batch, compactly: the distinct region codes and, when there is more than
 * one, a short per dispatch. Built once when the batch is planned; owned by the pipeline thread.
 */
final class RegionIndex {
    private final String[] codes;
    private final short[] byDispatch;

    private RegionIndex(String[] codes, short[] byDispatch) {
        this.codes = codes;
        this.byDispatch = byDispatch;
    }

    /** The index of the targets' regions, or null when no target names one. */
    static RegionIndex of(List<Target> targets) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Target t : targets) {
            if (t.region() != null) {
                seen.putIfAbsent(t.region(), seen.size() + 1);
            }
        }
        if (seen.isEmpty() || seen.size() >= Short.MAX_VALUE) {
            return null;
        }
        String[] codes = new String[seen.size() + 1];
        seen.forEach((code, i) -> codes[i] = code);
        boolean uniform = seen.size() == 1 && targets.stream().allMatch(t -> t.region() != null);
        if (uniform) {
            return new RegionIndex(codes, null);
        }
        short[] byDispatch = new short[targets.size()];
        for (int i = 0; i < byDispatch.length; i++) {
            String r = targets.get(i).region();
            byDispatch[i] = (short) (r == null ? 0 : seen.get(r));
        }
        return new RegionIndex(codes, byDispatch);
    }

    /** The region of the {@code offset}-th dispatch of the batch, or null. */
    String region(int offset) {
        return byDispatch == null ? codes[1] : codes[byDispatch[offset]];
    }

    /** Each region with how many of the batch's {@code count} dispatches it has. */
    Map<String, Long> counts(int count) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (byDispatch == null) {
            out.put(codes[1], (long) count);
            return out;
        }
        for (short i : byDispatch) {
            if (i != 0) {
                out.merge(codes[i], 1L, Long::sum);
            }
        }
        return out;
    }
}
