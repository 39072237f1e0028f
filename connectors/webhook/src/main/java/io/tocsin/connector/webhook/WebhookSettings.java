package io.tocsin.connector.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of a webhook connector, validated once at creation.
 *
 * <pre>
 * settings:
 *   endpoints:                       # one or more subscribers
 *     - name: city-app
 *       url: https://example.org/hooks/cap
 *       format: xml                  # xml (application/cap+xml) | json (application/json)
 *       secret: s3cret               # HMAC-SHA256 key; header X-Tocsin-Signature: t=..,v1=..
 *       regions: ["4401"]            # geocode prefixes this subscriber wants (empty = all)
 *       categories: ["Met", "Geo"]   # CAP categories (empty = all)
 *   maxAttempts: 6                   # then the delivery is dead-lettered
 *   initialBackoffMillis: 500        # doubled per attempt, capped at maxBackoffMillis
 *   maxBackoffMillis: 30000
 *   timeoutMillis: 5000              # per request
 *   maxInFlight: 64                  # dispatches being delivered at once (then BACK_PRESSURED)
 *   deadLetterDir: data/webhook-dead-letters
 * </pre>
 */
record WebhookSettings(
        List<WebhookEndpoint> endpoints,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration timeout,
        int maxInFlight,
        Path deadLetterDir) {

    static WebhookSettings from(JsonNode s) {
        JsonNode eps = s.path("endpoints");
        if (!eps.isArray() || eps.isEmpty()) {
            throw new IllegalArgumentException("settings.endpoints: at least one endpoint is required");
        }
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < eps.size(); i++) {
            endpoints.add(WebhookEndpoint.fromSettings(eps.get(i), i));
        }
        int maxAttempts = positive(s, "maxAttempts", 6);
        return new WebhookSettings(List.copyOf(endpoints), maxAttempts,
                Duration.ofMillis(positive(s, "initialBackoffMillis", 500)),
                Duration.ofMillis(positive(s, "maxBackoffMillis", 30_000)),
                Duration.ofMillis(positive(s, "timeoutMillis", 5_000)),
                positive(s, "maxInFlight", 64),
                Path.of(s.path("deadLetterDir").asText("data/webhook-dead-letters")));
    }

    private static int positive(JsonNode s, String field, int dflt) {
        JsonNode v = s.get(field);
        if (v == null) {
            return dflt;
        }
        if (!v.canConvertToInt() || v.asInt() <= 0) {
            throw new IllegalArgumentException("settings." + field + ": must be a positive integer, was " + v);
        }
        return v.asInt();
    }

    Duration backoff(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
