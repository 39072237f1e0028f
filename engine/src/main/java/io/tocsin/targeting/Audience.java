package io.tocsin.targeting;

/**
 * Who may receive: the public (CAP status Actual), or only the directory's exercise or test groups (CAP
 * status Exercise / Test). No path sends an exercise or test to the public.
 */
public enum Audience {
    PUBLIC, EXERCISE, TEST;

    public static Audience ofStatus(String capStatus) {
        if ("Exercise".equals(capStatus)) {
            return EXERCISE;
        }
        if ("Test".equals(capStatus) || "System".equals(capStatus) || "Draft".equals(capStatus)) {
            return TEST;
        }
        return PUBLIC;
    }
}
