package io.tocsin.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The engine's meters, exposed on {@code GET /metrics} in the Prometheus text format. Every room records into
 * one instance: ingress ({@link #ingest}, {@link #ingestLatency}), the pipeline ({@link #queueDepth},
 * {@link #journalLag}), connectors ({@link #dispatched}, {@link #receipt}) and anyone ({@link #error}).
 *
 * <p>Thread-safe: Micrometer meters may be updated from any thread; look-ups of tagged meters are cached by
 * the registry, so calling {@code ingest("accepted")} on the hot path costs a map lookup, not an allocation of
 * a new meter.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry;

    public Metrics() {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "tocsin");
    }

    /** The registry, for rooms that want a meter not listed here. */
    public MeterRegistry registry() {
        return registry;
    }

    /** One submission answered by ingress; {@code outcome} is e.g. accepted, duplicate, rejected, saturated. */
    public void ingest(String outcome) {
        Counter.builder("tocsin.ingest").description("CAP submissions by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    /** Time from a submission's first byte to its answer. */
    public void ingestLatency(String outcome, Duration elapsed) {
        Timer.builder("tocsin.ingest.latency").description("CAP submission latency until the answer")
                .tag("outcome", outcome).publishPercentileHistogram().register(registry).record(elapsed);
    }

    /** Size of a submission body in bytes. */
    public void ingestBytes(long bytes) {
        DistributionSummary.builder("tocsin.ingest.bytes").baseUnit("bytes").register(registry).record(bytes);
    }

    /** Dispatches offered to a connector, by its answer (accepted, back_pressured, not_connected, rejected...). */
    public void dispatched(String connector, String result, long count) {
        Counter.builder("tocsin.connector.dispatches").description("dispatches offered to connectors")
                .tag("connector", connector).tag("result", result).register(registry).increment(count);
    }

    /** A delivery receipt came back from a connector with this dispatch state. */
    public void receipt(String connector, String state) {
        Counter.builder("tocsin.connector.receipts").description("delivery receipts by final state")
                .tag("connector", connector).tag("state", state).register(registry).increment();
    }

    /** Something went wrong in {@code component} (e.g. journal, ingress, smpp); {@code kind} a short code. */
    public void error(String component, String kind) {
        Counter.builder("tocsin.errors").description("errors by component")
                .tag("component", component).tag("kind", kind).register(registry).increment();
    }

    /** A queue's depth, read when scraped. The object is held weakly by Micrometer: keep a reference. */
    public <T> void queueDepth(String queue, T owner, ToDoubleFunction<T> depth) {
        Gauge.builder("tocsin.queue.depth", owner, depth).description("items waiting in a queue")
                .tag("queue", queue).strongReference(true).register(registry);
    }

    /** How far the ledger (or another reader) is behind the journal's last append, in entries. */
    public void journalLag(String reader, Supplier<Number> lag) {
        Gauge.builder("tocsin.journal.lag", lag).description("journal entries not yet applied by a reader")
                .tag("reader", reader).strongReference(true).register(registry);
    }

    /** A named gauge for anything else (e.g. connected SSE clients). */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).strongReference(true).register(registry);
    }

    /** The Prometheus text exposition (format 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }
}
