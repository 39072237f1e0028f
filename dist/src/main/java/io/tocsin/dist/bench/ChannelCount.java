package io.tocsin.dist.bench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One channel's counters of an alert as {@code GET /api/v1/alerts/{id}} shows them. {@code queued} is what is
 * planned but in no state yet (purged on Cancel). Immutable.
 */
record ChannelCount(long planned, long submitted, long accepted, long delivered, long failed, long expired,
                    long cancelled, long unknown) {
    static final ChannelCount NONE = new ChannelCount(0, 0, 0, 0, 0, 0, 0, 0);

    static ChannelCount of(JsonNode alert, String channel) {
        if (alert == null) {
            return NONE;
        }
        JsonNode c = alert.path("channels").path(channel);
        if (c.isMissingNode()) {
            return NONE;
        }
        return new ChannelCount(c.path("planned").asLong(), c.path("submitted").asLong(), c.path("accepted").asLong(),
                c.path("delivered").asLong(), c.path("failed").asLong(), c.path("expired").asLong(),
                c.path("cancelled").asLong(), c.path("unknown").asLong());
    }

    long closed() {
        return delivered + failed + expired + cancelled + unknown;
    }

    long queued() {
        return planned - submitted - accepted - closed();
    }

    /** Nothing queued or in flight. */
    boolean settled() {
        return planned > 0 && closed() == planned;
    }

    static String state(JsonNode alert) {
        return alert == null ? "MISSING" : alert.path("state").asText();
    }
}
