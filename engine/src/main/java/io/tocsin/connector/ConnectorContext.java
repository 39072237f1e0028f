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

    /** A context holding exactly these values (what the engine, tests and benchmarks hand a factory). */
    static ConnectorContext of(String name, JsonNode settings, ReceiptSink receipts, Clock clock) {
        record Fixed(String name, JsonNode settings, ReceiptSink receipts, Clock clock) implements ConnectorContext {
        }
        return new Fixed(name, settings, receipts, clock);
    }
}
