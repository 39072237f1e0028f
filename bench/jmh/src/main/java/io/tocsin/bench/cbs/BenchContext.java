package io.tocsin.bench.cbs;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.ReceiptSink;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** A connector context whose sink counts final receipts down on a latch the benchmark swaps per invocation. */
final class BenchContext implements ConnectorContext {
    static final AtomicReference<CountDownLatch> FINALS = new AtomicReference<>(new CountDownLatch(0));
    static final AtomicReference<DeliveryReceipt> LAST_PROBLEM = new AtomicReference<>();

    private final String name;
    private final JsonNode settings;

    BenchContext(String name, JsonNode settings) {
        this.name = name;
        this.settings = settings;
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
        return r -> {
            if (r.state() == DispatchState.DELIVERED) {
                FINALS.get().countDown();
            } else if (r.state() != DispatchState.ACCEPTED) {
                LAST_PROBLEM.set(r);
                FINALS.get().countDown();
            }
            return true;
        };
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
