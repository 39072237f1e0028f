package io.tocsin.config;

/**
 * One thing wrong with a configuration, located: {@code path} names the setting (e.g.
 * {@code publishers[1].scope.maxSeverity}) and {@code location} the file and line when known.
 */
public record ConfigProblem(String path, String message, String location) {

    public static ConfigProblem at(String path, String message) {
        return new ConfigProblem(path, message, null);
    }

    @Override
    public String toString() {
        return (location == null ? "" : location + ": ") + path + ": " + message;
    }
}
