package io.tocsin.radio;

import io.tocsin.audio.AudioConfig;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.connector.ConnectorFactory;

/** Creates {@link RadioConnector}s (type {@code radio}). Stateless and thread-safe. */
public final class RadioConnectorFactory implements ConnectorFactory {

    @Override
    public String type() {
        return "radio";
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.RADIO;
    }

    @Override
    public Connector create(ConnectorContext context) {
        RadioSettings settings = RadioSettings.parse(context.settings());
        AudioLibrary library = new AudioLibrary(AudioConfig.alertAudio(context.settings(), context.clock()), 16);
        return new RadioConnector(context.name(), settings, library, new Receipts(context.receipts(), context.clock()),
                context.clock());
    }
}
