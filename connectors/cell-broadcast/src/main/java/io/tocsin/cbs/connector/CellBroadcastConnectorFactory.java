package io.tocsin.cbs.connector;

import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.connector.ConnectorFactory;

/** Type {@code ecbe}: cell broadcast through a carrier's CBC over osmo-cbc's ECBE REST API. Settings: {@link CbsSettings}. */
public final class CellBroadcastConnectorFactory implements ConnectorFactory {

    @Override
    public String type() {
        return "ecbe";
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.CELL_BROADCAST;
    }

    @Override
    public Connector create(ConnectorContext context) {
        return new CellBroadcastConnector(context, CbsSettings.from(context.settings()));
    }
}
