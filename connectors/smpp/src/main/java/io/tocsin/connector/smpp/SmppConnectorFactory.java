package io.tocsin.connector.smpp;

import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.connector.ConnectorFactory;

/** Creates {@link SmppConnector}s for configuration type {@code smpp}. Stateless and thread-safe. */
public final class SmppConnectorFactory implements ConnectorFactory {

    @Override
    public String type() { return "smpp"; }

    @Override
    public ChannelKind kind() { return ChannelKind.SMS; }

    @Override
    public Connector create(ConnectorContext context) {
        SmppSettings settings = SmppSettingsReader.read(context.settings(), context.name());
        return new SmppConnector(context.name(), settings, context.receipts(), context.clock());
    }
}
