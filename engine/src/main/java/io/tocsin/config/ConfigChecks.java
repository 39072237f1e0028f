package io.tocsin.config;

import java.util.ArrayList;
import java.util.List;

/** Collects located problems while a configuration tree is checked. Not thread-safe; one per load. */
public final class ConfigChecks {

    private final List<ConfigProblem> problems = new ArrayList<>();

    public void require(boolean ok, String path, String message) {
        if (!ok) {
            problems.add(ConfigProblem.at(path, message));
        }
    }

    public void range(long value, long min, long max, String path) {
        require(value >= min && value <= max, path, "must be between " + min + " and " + max + ", was " + value);
    }

    public void notBlank(String value, String path) {
        require(value != null && !value.isBlank(), path, "is required");
    }

    public void add(ConfigProblem problem) {
        problems.add(problem);
    }

    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }
}
