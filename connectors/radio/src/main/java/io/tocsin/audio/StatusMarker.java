package io.tocsin.audio;

import io.tocsin.cap.Status;
import java.util.Locale;

/**
 * The word that marks a non-Actual alert on the air and on screen, so nobody mistakes an exercise for a
 * real warning: 演习 / 演習 / EXERCISE, 测试 / 測試 / TEST. Stateless and thread-safe.
 */
public final class StatusMarker {

    private StatusMarker() {
    }

    /** The marker for this status in this language, or null for Actual (and unknown statuses). */
    public static String word(Status status, String language) {
        if (status != Status.Exercise && status != Status.Test) {
            return null;
        }
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        boolean traditional = lang.startsWith("zh-hk") || lang.startsWith("zh-mo") || lang.startsWith("zh-tw")
                || lang.startsWith("yue");
        if (lang.startsWith("zh") || lang.startsWith("yue")) {
            if (status == Status.Exercise) {
                return traditional ? "演習" : "演习";
            }
            return traditional ? "測試" : "测试";
        }
        return status == Status.Exercise ? "EXERCISE" : "TEST";
    }

    /** True for statuses that may only go to outputs configured for tests and exercises. */
    public static boolean testOnly(Status status) {
        return status == Status.Exercise || status == Status.Test;
    }
}
