package io.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One reading of an alert's progress from {@code GET /api/v1/alerts/{id}}: its state and, per channel, how
 * many dispatches were planned and how many have finished (delivered, failed, expired or cancelled).
 * Immutable.
 */
record AlertProgress(String state, Map<String, Channel> channels) {

    /** Alert states after which nothing more will be sent. */
    static final Set<String> FINAL = Set.of("DONE", "CANCELLED", "EXPIRED", "SUPERSEDED", "REJECTED");

    record Channel(long planned, long delivered, long failed, long expired, long cancelled, long unknown) {

        long finished() {
            return delivered + failed + expired + cancelled;
        }
    }

    static AlertProgress of(JsonNode alert) {
        Map<String, Channel> channels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = alert.path("channels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue();
            channels.put(e.getKey(), new Channel(c.path("planned").asLong(), c.path("delivered").asLong(),
                    c.path("failed").asLong(), c.path("expired").asLong(), c.path("cancelled").asLong(),
                    c.path("unknown").asLong()));
        }
        return new AlertProgress(alert.path("state").asText(""), channels);
    }

    boolean isFinal() {
        return FINAL.contains(state);
    }

    /** True when something was not delivered: failures, expiries, unknown outcomes, or an end other than DONE. */
    boolean hasFailures() {
        if (!"DONE".equals(state)) {
            return true;
        }
        return channels.values().stream().anyMatch(c -> c.failed() + c.expired() + c.unknown() > 0);
    }
}
