package io.tocsin.console;

import io.micrometer.core.instrument.Counter;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.DeliveryView;
import io.tocsin.ledger.LedgerChanges;
import io.tocsin.ledger.LedgerView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turns ledger changes into Server-Sent Events for every connected console.
 *
 * <p>The hub reads the ledger's immutable snapshots on its own thread every {@code pollEvery} (the ledger is
 * owned by the pipeline thread, which must never wait for a browser), compares each alert with what it sent
 * last, and sends one {@code alert} event per changed alert. A new client first gets a {@code snapshot} event
 * with every alert. Every {@code heartbeatEvery} a comment frame keeps proxies from closing idle streams.
 *
 * <p>Back-pressure: each client has a bounded buffer ({@link EventSubscriber#offer} returns false when full);
 * a client that cannot keep up is dropped (its EventSource reconnects and gets a fresh snapshot). The hub
 * never blocks on a client and never slows the engine.
 *
 * <p>Thread-safety: {@link #subscribe} and {@link #clients} may be called from any thread; {@link #poll} and
 * {@link #heartbeat} run on the hub's thread (or a test's, when not {@link #start started}).
 */
public final class EventHub implements AutoCloseable {

    private final LedgerView ledger;
    private final Duration pollEvery;
    private final Duration heartbeatEvery;
    private final Counter dropped;
    private final ConcurrentLinkedQueue<EventSubscriber> joining = new ConcurrentLinkedQueue<>();
    private final List<EventSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Map<String, AlertView> lastSeen = new HashMap<>();
    private final Map<String, ConsoleAlert> current = new HashMap<>();
    /** Ids of alerts changed since they were last turned into console alerts (only while someone reads). */
    private final java.util.Set<String> dirty = new java.util.LinkedHashSet<>();
    private ScheduledExecutorService thread;
    private long sequence;
    private long cursor;

    public EventHub(LedgerView ledger, Metrics metrics, Duration pollEvery, Duration heartbeatEvery) {
        this.ledger = ledger;
        this.pollEvery = pollEvery;
        this.heartbeatEvery = heartbeatEvery;
        this.dropped = Counter.builder("tocsin.console.sse.dropped")
                .description("SSE clients dropped because they could not keep up").register(metrics.registry());
        metrics.gauge("tocsin.console.sse.clients", "connected SSE clients", subscribers::size);
    }

    public EventHub(LedgerView ledger, Metrics metrics) {
        this(ledger, metrics, Duration.ofMillis(100), Duration.ofSeconds(15));
    }

    /** Starts the hub's thread. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tocsin-console-events");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::pollQuietly, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleAtFixedRate(this::heartbeat, heartbeatEvery.toMillis(), heartbeatEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Adds a client; it gets the snapshot on the hub's next poll. */
    public void subscribe(EventSubscriber subscriber) {
        joining.add(subscriber);
    }

    /** Removes a client that went away by itself (connection closed); not counted as dropped. */
    public void unsubscribe(EventSubscriber subscriber) {
        joining.remove(subscriber);
        subscribers.remove(subscriber);
    }

    /** Alert ids noted as changed and not yet turned into console alerts (tests). */
    synchronized int noted() {
        return dirty.size();
    }

    public int clients() {
        return subscribers.size();
    }

    /** Every alert as the console currently shows it (hub thread's view; a copy). */
    public synchronized List<ConsoleAlert> alerts() {
        if (subscribers.isEmpty()) {
            noteChanges();
            refresh();
        }
        return new ArrayList<>(current.values());
    }

    /**
     * One duty cycle: send an event per changed alert, then admit waiting clients (snapshot). While nobody is
     * connected the hub does nothing: the ledger's change log keeps what changed, and the hub reads it from where
     * it stopped when a client joins or {@link #alerts()} is asked, or reads every alert if the log has moved on
     * past that point. An unwatched console keeps no per-alert memory and costs the engine nothing under ingest
     * load. Returns the number of frames offered.
     */
    public synchronized int poll() {
        if (subscribers.isEmpty() && joining.isEmpty()) {
            return 0;
        }
        noteChanges();
        List<ConsoleAlert> changed = refresh();
        int work = 0;
        for (ConsoleAlert alert : changed) {
            String frame = SseFrame.event(++sequence, "alert", ConsoleJson.write(alert));
            for (EventSubscriber s : subscribers) {
                deliver(s, frame);
                work++;
            }
        }
        // Joiners last: their snapshot already holds every change above, so they get each alert once.
        EventSubscriber joiner;
        while ((joiner = joining.poll()) != null) {
            subscribers.add(joiner);
            String snapshot = SseFrame.retry(2000)
                    + SseFrame.event(++sequence, "snapshot", ConsoleJson.write(Map.of("alerts", current.values())));
            deliver(joiner, snapshot);
            work++;
        }
        return work;
    }

    /** Turns the noted changes into console alerts; returns those that really changed. */
    private List<ConsoleAlert> refresh() {
        List<ConsoleAlert> changed = new ArrayList<>();
        for (String id : dirty) {
            AlertView view = ledger.alert(id).orElse(null);
            AlertView before = lastSeen.get(id);
            if (view == null || (before != null && (before == view || before.equals(view)))) {
                continue;
            }
            lastSeen.put(id, view);
            Map<String, io.tocsin.ledger.RegionDelivery> regions =
                    ledger.delivery(id).map(DeliveryView::regions).orElse(Map.of());
            // What the console derives from the CAP body never changes: read the body once per alert
            ConsoleAlert known = current.get(id);
            ConsoleAlert alert = known != null && known.scope() != null ? known.refreshed(view, regions)
                    : ConsoleAlert.of(view, ledger.submission(id).orElse(null), regions);
            current.put(id, alert);
            changed.add(alert);
        }
        dirty.clear();
        return changed;
    }

    private void noteChanges() {
        for (AlertView view : changedViews()) {
            dirty.add(view.id());
        }
    }

    /** The views that may have changed since the last poll: O(changed) when the ledger keeps a change log. */
    private Iterable<AlertView> changedViews() {
        LedgerChanges changes = ledger.changesSince(cursor);
        cursor = changes.cursor();
        if (!changes.complete()) {
            return ledger.alerts();
        }
        List<AlertView> views = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(changes.ids())) {
            ledger.alert(id).ifPresent(views::add);
        }
        return views;
    }

    /** Sends a comment frame to every client so idle streams stay open and dead ones are noticed. */
    public void heartbeat() {
        String frame = SseFrame.comment("heartbeat");
        for (EventSubscriber s : subscribers) {
            deliver(s, frame);
        }
    }

    private void deliver(EventSubscriber s, String frame) {
        if (!s.offer(frame)) {
            subscribers.remove(s);
            dropped.increment();
            s.close();
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // A bad snapshot must not kill the hub's schedule; the next poll tries again.
            org.slf4j.LoggerFactory.getLogger(EventHub.class).warn("console event poll failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
        for (EventSubscriber s : subscribers) {
            s.close();
        }
        subscribers.clear();
    }
}
