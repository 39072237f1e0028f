package io.tocsin.tv;

import io.tocsin.audio.AudioConfig;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.connector.ConnectorFactory;
import io.tocsin.radio.AudioLibrary;
import io.tocsin.radio.Receipts;

/**
 * Creates {@link TvConnector}s (type {@code tv}). Audio is made when the settings have a {@code same}
 * section (shared with the radio connector); without it stations get the crawl only. Stateless, thread-safe.
 */
public final class TvConnectorFactory implements ConnectorFactory {

    @Override
    public String type() {
        return "tv";
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.TV;
    }

    @Override
    public Connector create(ConnectorContext context) {
        TvSettings settings = TvSettings.parse(context.settings());
        AudioLibrary audio = context.settings().has("same")
                ? new AudioLibrary(AudioConfig.alertAudio(context.settings(), context.clock()), 16) : null;
        return new TvConnector(context.name(), settings, audio, new Receipts(context.receipts(), context.clock()),
                context.clock());
    }
}
