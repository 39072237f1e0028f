package io.tocsin.console;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.ledger.LedgerView;
import io.tocsin.pipeline.ConnectorStats;
import io.tocsin.pipeline.Engine;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Registers a running engine's gauges in the console's {@link Metrics} ({@code GET /metrics}): journal records
 * and lag, ring headroom, planning jobs, per-connector queued/in-flight/offered/rejected, alerts by state and
 * dispatches by outcome. Gauges read the engine's published snapshots at scrape time. Thread-safe.
 */
public final class EngineGauges {
    private EngineGauges() {
    }

    public static void register(Metrics metrics, Engine engine) {
        gauge(metrics, "tocsin.journal.records", engine, e -> e.metrics().journalRecords());
        gauge(metrics, "tocsin.journal.lag", engine, e -> e.metrics().journalLag());
        gauge(metrics, "tocsin.intake.ring.free", engine, e -> e.metrics().intakeRingFree());
        gauge(metrics, "tocsin.receipts.ring.free", engine, e -> e.metrics().receiptRingFree());
        gauge(metrics, "tocsin.planning.jobs", engine, e -> e.metrics().planningJobs());
        gauge(metrics, "tocsin.dispatch.illegal.transitions", engine, e -> e.metrics().illegalTransitions());
        gauge(metrics, "tocsin.dispatch.expired.at.send", engine, e -> e.metrics().expiredAtSend());
        for (ConnectorStats c : engine.metrics().connectors()) {
            String name = c.name();
            Gauge.builder("tocsin.connector.queued", engine, e -> stat(e, name, ConnectorStats::queued))
                    .tag("connector", name).tag("kind", c.kind()).strongReference(true).register(metrics.registry());
            Gauge.builder("tocsin.connector.in.flight", engine, e -> stat(e, name, s -> s.inFlight()))
                    .tag("connector", name).tag("kind", c.kind()).strongReference(true).register(metrics.registry());
            FunctionCounter.builder("tocsin.connector.offered", engine, e -> stat(e, name, ConnectorStats::offered))
                    .tag("connector", name).tag("kind", c.kind()).register(metrics.registry());
            FunctionCounter.builder("tocsin.connector.rejected", engine, e -> stat(e, name, ConnectorStats::rejected))
                    .tag("connector", name).tag("kind", c.kind()).register(metrics.registry());
        }
        ledger(metrics, engine.ledger());
    }

    /** Alerts by state and dispatches by outcome, from any ledger. */
    public static void ledger(Metrics metrics, LedgerView ledger) {
        for (AlertState state : AlertState.values()) {
            Gauge.builder("tocsin.alerts", ledger, l -> l.alerts().stream().filter(a -> a.state() == state).count())
                    .tag("state", state.name()).strongReference(true).register(metrics.registry());
        }
        for (String outcome : List.of("planned", "delivered", "failed", "expired", "cancelled", "unknown")) {
            Gauge.builder("tocsin.dispatches", ledger, l -> dispatches(l.alerts(), outcome))
                    .tag("counter", outcome).strongReference(true).register(metrics.registry());
        }
    }

    private static void gauge(Metrics metrics, String name, Engine engine, ToDoubleFunction<Engine> f) {
        Gauge.builder(name, engine, f).strongReference(true).register(metrics.registry());
    }

    private static double stat(Engine e, String name, ToDoubleFunction<ConnectorStats> f) {
        return e.metrics().connectors().stream().filter(c -> c.name().equals(name)).findFirst()
                .map(f::applyAsDouble).orElse(0.0);
    }

    private static double dispatches(List<AlertView> alerts, String outcome) {
        long n = 0;
        for (AlertView a : alerts) {
            for (ChannelCounters c : a.channels().values()) {
                n += switch (outcome) {
                    case "planned" -> c.planned();
                    case "delivered" -> c.delivered();
                    case "failed" -> c.failed();
                    case "expired" -> c.expired();
                    case "cancelled" -> c.cancelled();
                    default -> c.unknown();
                };
            }
        }
        return n;
    }
}
