package io.tocsin.radio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.ReceiptSink;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A connector context over JSON settings that records every receipt. */
final class TestContext implements ConnectorContext {

    final ConcurrentLinkedQueue<DeliveryReceipt> receipts = new ConcurrentLinkedQueue<>();
    private final JsonNode settings;
    private final Clock clock;

    TestContext(String json, Clock clock) throws Exception {
        this.settings = new ObjectMapper().readTree(json);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "radio-test";
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

    List<DispatchState> states(long dispatchId) {
        return receipts.stream().filter(r -> r.dispatchId() == dispatchId).map(DeliveryReceipt::state).toList();
    }

    DeliveryReceipt last(long dispatchId) {
        return receipts.stream().filter(r -> r.dispatchId() == dispatchId).reduce((a, b) -> b).orElse(null);
    }
}
