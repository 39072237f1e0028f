package io.tocsin.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown once at start-up when a configuration is unusable; lists every problem found, not just the first. */
public final class ConfigException extends RuntimeException {

    private final transient List<ConfigProblem> problems;

    public ConfigException(String source, List<ConfigProblem> problems) {
        super("invalid configuration " + source + ":\n  "
                + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
