package io.tocsin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tocsin.connector.ChannelKind;

/**
 * One configured connector instance: {@code type} names the {@code ConnectorFactory} (e.g. "smpp"),
 * {@code kind} the channel kind it serves, and {@code settings} is the subtree its factory reads and
 * validates. {@code carrier} (SMS and cell broadcast: which carrier's subscribers or cells it serves; null =
 * any carrier without its own connector) and {@code limits} are how the engine uses it. Immutable (do not
 * mutate {@code settings}).
 */
public record ConnectorConfig(String name, String type, String kind, Boolean enabled, String carrier,
                              LimitsConfig limits, JsonNode settings) {

    public ConnectorConfig {
        enabled = enabled == null || enabled;
        settings = settings == null ? JsonNodeFactory.instance.objectNode() : settings;
    }

    /** The channel kind named by {@code kind} (case and '-' tolerant), or null when it names none. */
    public ChannelKind channelKind() {
        if (kind == null) {
            return null;
        }
        try {
            return ChannelKind.valueOf(kind.trim().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A connector with engine defaults for carrier and limits. */
    public static ConnectorConfig of(String name, String type, String kind, JsonNode settings) {
        return new ConnectorConfig(name, type, kind, true, null, null, settings);
    }
}
