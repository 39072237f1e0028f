package io.tocsin.cap;

import java.util.List;

/**
 * One located finding about an input: where ({@code path}, XPath-like with 0-based indexes, e.g.
 * {@code /alert/info[1]/area[0]/polygon[2]}), how bad ({@link Level}), a stable machine code and a message
 * for people. Validators return lists of these instead of throwing.
 */
public record Reason(String path, Level level, String code, String message) {

    public enum Level { ERROR, WARNING }

    public static Reason error(String path, String code, String message) {
        return new Reason(path, Level.ERROR, code, message);
    }

    public static Reason warning(String path, String code, String message) {
        return new Reason(path, Level.WARNING, code, message);
    }

    public boolean isError() { return level == Level.ERROR; }

    /** True when any of {@code reasons} is an error (a plain loop: this runs for every request). */
    public static boolean anyError(List<Reason> reasons) {
        for (int i = 0; i < reasons.size(); i++) {
            if (reasons.get(i).isError()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return level + " " + path + " " + code + ": " + message;
    }
}
