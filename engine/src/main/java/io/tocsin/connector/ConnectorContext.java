package io.tocsin.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;

/** What the engine gives a connector when creating it. */
public interface ConnectorContext {

    /** The instance name from configuration. */
    String name();

    /** This connector's own settings subtree from configuration (never null; may be an empty object). */
    JsonNode settings();

    /** Where to report outcomes. */
    ReceiptSink receipts();

    Clock clock();
}
