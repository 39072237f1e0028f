package io.tocsin.ingress;

import java.util.Map;

/**
 * What {@code GET /health} answers beyond "the server runs": an HTTP status (200 while new alerts are taken,
 * 503 while they are refused) and details merged into the body (connectors, journal). Immutable.
 */
public record HealthReport(int httpStatus, Map<String, Object> details) {

    public HealthReport {
        details = Map.copyOf(details);
    }

    /** The server runs and nothing more is known. */
    public static HealthReport up() {
        return new HealthReport(200, Map.of("status", "UP"));
    }
}
