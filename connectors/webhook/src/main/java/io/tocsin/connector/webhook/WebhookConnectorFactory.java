package io.tocsin.connector.webhook;

import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.connector.ConnectorFactory;

/** Type {@code webhook}: signed CAP POSTs to subscriber endpoints. See {@link WebhookSettings} for settings. */
public final class WebhookConnectorFactory implements ConnectorFactory {

    @Override
    public String type() { return "webhook"; }

    @Override
    public ChannelKind kind() { return ChannelKind.WEBHOOK; }

    @Override
    public Connector create(ConnectorContext context) {
        return new WebhookConnector(context, WebhookSettings.from(context.settings()));
    }
}
