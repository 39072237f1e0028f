package io.tocsin.cbs.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.ReceiptSink;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A connector context whose receipt sink records everything. */
final class TestContext implements ConnectorContext {
    final ConcurrentLinkedQueue<DeliveryReceipt> receipts = new ConcurrentLinkedQueue<>();
    private final String name;
    private final JsonNode settings;
    private final Clock clock;

    TestContext(String name, JsonNode settings, Clock clock) {
        this.name = name;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public JsonNode settings() {
        return settings;
    }

    @Override
    public ReceiptSink receipts() {
        return receipts::add;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    List<DeliveryReceipt> of(long dispatchId, DispatchState state) {
        return receipts.stream().filter(r -> r.dispatchId() == dispatchId && r.state() == state).toList();
    }

    boolean hasFinal(long dispatchId) {
        return receipts.stream().anyMatch(r -> r.dispatchId() == dispatchId && r.state() != DispatchState.ACCEPTED);
    }
}
