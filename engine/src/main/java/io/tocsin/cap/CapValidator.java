package io.tocsin.cap;

import java.util.List;

/**
 * Checks one alert against the CAP 1.2 rules and any {@code CapProfile}s, returning located reasons.
 * Thread-safe.
 */
public final class CapValidator {

    public CapValidator() {
    }

    public List<Reason> validate(Alert alert) {
        throw new UnsupportedOperationException("CAP validation: being built (issue 2)");
    }
}
