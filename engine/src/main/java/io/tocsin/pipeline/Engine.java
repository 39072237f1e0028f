package io.tocsin.pipeline;

import io.tocsin.connector.Connector;
import io.tocsin.connector.ReceiptSink;
import io.tocsin.journal.ChronicleJournal;
import io.tocsin.journal.Journal;
import io.tocsin.ledger.Ledger;
import io.tocsin.ledger.LedgerView;
import io.tocsin.targeting.AreaResolver;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's core, wired: intake ring → pipeline thread (journal, ledger, planner, per-connector queues,
 * dispatcher) ← receipts ring. Usage:
 *
 * <pre>
 *   Engine engine = new Engine(config, resolver, clock);          // opens the journal
 *   List&lt;Connector&gt; cs = ...create connectors with engine.receipts() in their context...;
 *   engine.start(cs);                                              // replays, re-queues, starts connectors + thread
 *   engine.intake().submit(...); engine.ledger().alerts(); engine.metrics();
 *   engine.close();
 * </pre>
 *
 * <p>Thread-safety: {@link #intake()}, {@link #receipts()}, {@link #ledger()}, {@link #metrics()} and
 * {@link #running()} may be used from any thread; {@link #start} and {@link #close} once each.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final EngineConfig config;
    private final Clock clock;
    private final Journal journal;
    private final Doorbell doorbell = new Doorbell();
    private final IntakeRing intake;
    private final ReceiptRing receipts;
    private final EngineStats stats;
    private final AreaResolver resolver;
    private final Ledger ledger;
    private Pipeline pipeline;
    private volatile List<Connector> connectors = List.of();
    private Thread thread;
    private volatile boolean stopping;
    private volatile RecoveryReport recovery;
    private final java.util.Queue<String[]> auditNotes = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private io.tocsin.journal.FreeSpaceGuard space;

    public Engine(EngineConfig config, AreaResolver resolver, Clock clock) {
        this(config, resolver, clock, ChronicleJournal.open(config.dataDirectory().resolve("journal"),
                config.journal()));
    }

    /** With a journal of the caller's choosing (e.g. {@link io.tocsin.journal.MemoryJournal} in tests). */
    public Engine(EngineConfig config, AreaResolver resolver, Clock clock, Journal journal) {
        this.config = config;
        this.clock = clock;
        this.resolver = resolver;
        this.journal = journal;
        this.ledger = new Ledger(journal);
        this.intake = new IntakeRing(config.intakeRingSize(), doorbell);
        this.receipts = new ReceiptRing(config.receiptRingSize(), doorbell);
        this.stats = new EngineStats(config.intakeRingSize(), intake, receipts);
    }

    /** Where connectors report outcomes: give it to them in their {@code ConnectorContext}. */
    public ReceiptSink receipts() { return receipts; }

    /**
     * Replays the journal, re-queues what was not finished, starts every connector and the pipeline thread.
     * The engine owns the connectors from here on and closes them in {@link #close()}.
     */
    public synchronized Engine start(List<Connector> connectorList) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        this.connectors = List.copyOf(connectorList);
        Router router = new Router();
        long now = Pipeline.nanos(clock.instant());
        for (Connector c : connectors) {
            ConnectorBinding b = config.binding(c.name());
            router.add(new ConnectorQueue(c, b.carrier(), b.limits(), now));
        }
        pipeline = new Pipeline(journal, ledger, router, resolver, config.planBatchSize(), intake, receipts, doorbell,
                clock, stats);
        if (space == null) {
            space = config.dataDirectory() == null || config.journal().minFreeBytes() == 0
                    ? io.tocsin.journal.FreeSpaceGuard.unlimited()
                    : io.tocsin.journal.FreeSpaceGuard.forDirectory(config.dataDirectory(),
                            config.journal().minFreeBytes());
        }
        pipeline.space = space;
        if (config.dataDirectory() != null) {
            pipeline.audit = new io.tocsin.audit.AuditTrail(io.tocsin.audit.AuditLog.open(
                    config.dataDirectory().resolve("audit"), clock, null, false), ledger::batchOf);
        }
        pipeline.governance = config.governance();
        pipeline.auditNotes = auditNotes;
        AwaitingReceipts awaiting = new AwaitingReceipts(ledger, (connector, target) -> {
            ConnectorQueue q = router.queueFor(connector, target);
            return q == null ? null : q.name();
        });
        recovery = Recovery.run(pipeline, clock, awaiting);
        LOG.info("journal replayed: {}", recovery);
        for (Connector c : connectors) {
            java.util.List<io.tocsin.connector.AwaitingReceipt> mine = awaiting.of(c.name());
            if (!mine.isEmpty()) {
                try {
                    c.resumeAwaiting(mine);
                } catch (RuntimeException e) {
                    LOG.warn("connector {} could not take back {} dispatches awaiting receipts", c.name(),
                            mine.size(), e);
                }
            }
        }
        for (Connector c : connectors) {
            c.start();
        }
        thread = new Thread(() -> pipeline.runUntil(() -> stopping), "tocsin-pipeline");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /**
     * Sets the guard that refuses new alerts when the journal's disk is nearly full; call before {@link #start}.
     * Without it the engine watches {@code dataDirectory} with {@code journal().minFreeBytes()}.
     */
    public synchronized Engine spaceGuard(io.tocsin.journal.FreeSpaceGuard guard) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        this.space = guard;
        return this;
    }

    /** The free-space guard in use (null before {@link #start} unless set). */
    public io.tocsin.journal.FreeSpaceGuard spaceGuard() { return space; }

    /** Each connector's own account of its state, in start order. Any thread. */
    public java.util.Map<String, io.tocsin.connector.ConnectorHealth> connectorHealth() {
        java.util.Map<String, io.tocsin.connector.ConnectorHealth> out = new java.util.LinkedHashMap<>();
        for (Connector c : connectors) {
            try {
                out.put(c.name(), c.health());
            } catch (RuntimeException e) {
                out.put(c.name(), io.tocsin.connector.ConnectorHealth.down("health check failed: " + e));
            }
        }
        return out;
    }

    public AlertIntake intake() { return intake; }

    /**
     * Appends a line to the audit chain for an action that is not a journal record (e.g. a drill scheduled by
     * an operator). Thread-safe: the pipeline thread writes it (the chain's single writer) within a few ms.
     */
    public void audit(String type, String actor, String alertId, String detail) {
        auditNotes.add(new String[] {type, actor, alertId, detail});
        doorbell.ring();
    }

    public LedgerView ledger() { return ledger.view(); }

    public EngineMetrics metrics() { return stats.metrics(); }

    /** What start-up replay found (null before {@link #start}). */
    public RecoveryReport recovery() { return recovery; }

    /** True while the pipeline thread runs. */
    public boolean running() {
        Thread t = thread;
        return t != null && t.isAlive() && !stopping;
    }

    public EngineConfig config() { return config; }

    /**
     * Stops taking commands, lets the pipeline answer what it already took, stops the thread, then closes the
     * connectors and the journal.
     */
    @Override
    public synchronized void close() {
        intake.closeIntake();
        if (thread != null) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (intake.hasWork() && thread.isAlive() && System.nanoTime() < deadline) {
                doorbell.ring();
                Thread.onSpinWait();
            }
            stopping = true;
            doorbell.ring();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pipeline.planner.close();
            if (!thread.isAlive()) {
                pipeline.publish(); // the thread ended: readers see the ledger exactly as it was left
                pipeline.audit.close();
            }
        }
        for (Connector c : connectors) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.warn("closing connector {} failed", c.name(), e);
            }
        }
        journal.close();
    }
}
