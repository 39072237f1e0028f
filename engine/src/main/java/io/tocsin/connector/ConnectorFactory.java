package io.tocsin.connector;

/**
 * Creates connectors of one {@link #type()} (e.g. {@code smpp}, {@code ecbe}, {@code radio}, {@code tv},
 * {@code webhook}). Registered through {@code META-INF/services/io.tocsin.connector.ConnectorFactory} and
 * found with {@link java.util.ServiceLoader}. Implementations must be stateless and thread-safe.
 */
public interface ConnectorFactory {

    String type();

    ChannelKind kind();

    /** Validates the settings and builds a connector; throws IllegalArgumentException naming the bad setting. */
    Connector create(ConnectorContext context);
}
