package io.tocsin.security;

/**
 * GB/T 2260 region codes and their town/street extensions (6, 9 or 12 digits, grouped 2-2-2-3-3):
 * {@code 440100000000} (Guangzhou) covers {@code 440106000000} (Tianhe) and every code under it. Codes of
 * other shapes (SAME, UGC ...) only match themselves. Thread-safe (static).
 */
public final class RegionCode {

    private static final int[] GROUPS = {2, 2, 2, 3, 3};

    private RegionCode() {
    }

    /** The significant prefix of a hierarchical code ("440106000000" → "440106"), or null if not one. */
    public static String prefixOf(String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim();
        if (!(c.length() == 6 || c.length() == 9 || c.length() == 12) || !c.chars().allMatch(Character::isDigit)) {
            return null;
        }
        String full = (c + "000000").substring(0, 12);
        int end = 12;
        for (int g = GROUPS.length - 1; g >= 0; g--) {
            int start = end - GROUPS[g];
            if (!full.substring(start, end).chars().allMatch(ch -> ch == '0')) {
                break;
            }
            end = start;
        }
        return full.substring(0, end);
    }

    /** True when {@code scopeCode} is {@code code} or one of its ancestors. */
    public static boolean covers(String scopeCode, String code) {
        String scope = prefixOf(scopeCode);
        String inner = prefixOf(code);
        if (scope == null || inner == null) {
            return scopeCode != null && code != null && scopeCode.trim().equals(code.trim());
        }
        return inner.startsWith(scope);
    }
}
