package io.tocsin.radio;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The radio connector's own settings (the audio part is read by {@link io.tocsin.audio.AudioConfig}):
 *
 * <pre>
 * "repeat": {"count": 3, "intervalSeconds": 600},   airings per alert, while it has not expired
 * "streamSpeed": 1.0,                               1 = real time (tests may stream faster)
 * "maxQueuedPerTransmitter": 16,
 * "transmitters": {
 *   "gz-fm-96.2": {"icecast": {"url": "http://127.0.0.1:8000/gz-fm-962", "user": "source", "password": "..."},
 *                  "dropDir": "data/radio/gz-fm-962", "testOutput": false}
 * }
 * </pre>
 *
 * Immutable.
 */
public record RadioSettings(Map<String, Transmitter> transmitters, int repeatCount, Duration repeatInterval,
                            double streamSpeed, int maxQueuedPerTransmitter) {

    public RadioSettings {
        transmitters = Map.copyOf(transmitters);
        if (repeatCount < 1) {
            throw new IllegalArgumentException("repeat.count must be at least 1");
        }
        if (repeatCount > 1 && (repeatInterval == null || repeatInterval.isNegative() || repeatInterval.isZero())) {
            throw new IllegalArgumentException("repeat.intervalSeconds must be positive when repeat.count > 1");
        }
        if (!(streamSpeed > 0)) {
            throw new IllegalArgumentException("streamSpeed must be positive");
        }
        if (maxQueuedPerTransmitter < 1) {
            throw new IllegalArgumentException("maxQueuedPerTransmitter must be at least 1");
        }
    }

    public static RadioSettings parse(JsonNode s) {
        Map<String, Transmitter> tx = new LinkedHashMap<>();
        s.path("transmitters").fields().forEachRemaining(e -> tx.put(e.getKey(), transmitter(e.getKey(), e.getValue())));
        if (tx.isEmpty()) {
            throw new IllegalArgumentException("transmitters: at least one transmitter is required");
        }
        JsonNode repeat = s.path("repeat");
        return new RadioSettings(tx, repeat.path("count").asInt(1),
                Duration.ofSeconds(repeat.path("intervalSeconds").asLong(600)), s.path("streamSpeed").asDouble(1.0),
                s.path("maxQueuedPerTransmitter").asInt(16));
    }

    private static Transmitter transmitter(String id, JsonNode t) {
        IcecastMount mount = null;
        JsonNode ice = t.path("icecast");
        if (!ice.isMissingNode() && !ice.isNull()) {
            try {
                mount = new IcecastMount(URI.create(ice.path("url").asText()), ice.path("user").asText(null),
                        ice.path("password").asText(null));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("transmitters." + id + "." + e.getMessage(), e);
            }
        }
        Path drop = t.hasNonNull("dropDir") ? Path.of(t.get("dropDir").asText()) : null;
        return new Transmitter(id, mount, drop, t.path("testOutput").asBoolean(false));
    }
}
