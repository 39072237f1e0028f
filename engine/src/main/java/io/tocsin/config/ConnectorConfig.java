package io.tocsin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One configured connector instance: {@code type} names the {@code ConnectorFactory} (e.g. "smpp"),
 * {@code kind} the channel kind it serves, and {@code settings} is the subtree its factory reads and
 * validates. Immutable (do not mutate {@code settings}).
 */
public record ConnectorConfig(String name, String type, String kind, Boolean enabled, JsonNode settings) {

    public ConnectorConfig {
        enabled = enabled == null || enabled;
        settings = settings == null ? JsonNodeFactory.instance.objectNode() : settings;
    }
}
