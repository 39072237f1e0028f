package io.tocsin.sim.cbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A carrier's cell broadcast centre, simulated: one shared message store behind one or more HTTP front
 * ends (a primary and a secondary of a redundant pair), each speaking osmo-cbc's ECBE REST API on an
 * ephemeral loopback port. Records what is installed per cell, supports delete and write-replace, counts
 * everything and injects faults ({@link #faults()}, {@link CbcEndpoint#stop()}).
 *
 * <pre>
 *   CbcSimulator cbc = new CbcSimulator("cmcc", cells).start(2);
 *   String primary = cbc.url(0), secondary = cbc.url(1);
 *   ...
 *   cbc.close();
 * </pre>
 *
 * Thread-safe.
 */
public final class CbcSimulator implements AutoCloseable {

    private final String name;
    private final CbcStore store;
    private final CbcFaults faults = new CbcFaults();
    private final CbcCounters counters = new CbcCounters();
    private final io.tocsin.sim.Arrivals posts = new io.tocsin.sim.Arrivals();
    private final io.tocsin.sim.Arrivals deletes = new io.tocsin.sim.Arrivals();
    private final EcbeValidator validator = new EcbeValidator();
    private final List<CbcEndpoint> endpoints = new ArrayList<>();
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private volatile String lastError;

    /**
     * @param name  the carrier, for thread names and messages
     * @param cells the network's cell ids (what a PLMN-wide message covers); empty = accept any cell id
     */
    public CbcSimulator(String name, Collection<String> cells) {
        this.name = name;
        this.store = new CbcStore(cells);
        this.executor = Executors.newFixedThreadPool(4, daemon("cbc-sim-" + name));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("cbc-sim-" + name + "-late"));
    }

    public CbcSimulator(String name) {
        this(name, List.of());
    }

    /** Starts this many front ends (1 = a single CBC, 2 = primary and secondary). */
    public synchronized CbcSimulator start(int frontEnds) {
        for (int i = 0; i < frontEnds; i++) {
            CbcEndpoint e = new CbcEndpoint(this, name + "-" + (endpoints.size() + 1), executor);
            endpoints.add(e.start());
        }
        return this;
    }

    public String name() {
        return name;
    }

    /** Base URL of front end i (0 = primary). */
    public String url(int i) {
        return endpoint(i).url();
    }

    public synchronized CbcEndpoint endpoint(int i) {
        return endpoints.get(i);
    }

    public synchronized List<CbcEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    public CbcFaults faults() {
        return faults;
    }

    public CbcCounters counters() {
        return counters;
    }

    /** When ECBE POSTs (create / write-replace) arrived, whatever the answer. */
    public io.tocsin.sim.Arrivals postArrivals() {
        return posts;
    }

    /** When ECBE DELETEs (cancel) arrived, whatever the answer. */
    public io.tocsin.sim.Arrivals deleteArrivals() {
        return deletes;
    }

    public CbcStore store() {
        return store;
    }

    public Optional<CbcBroadcast> message(int messageId) {
        return store.message(messageId);
    }

    public Map<Integer, Integer> messagesInCell(String cell) {
        return store.messagesInCell(cell);
    }

    /** The reason of the last 400 answer, or null. */
    public String lastError() {
        return lastError;
    }

    void lastError(String reason) {
        lastError = reason;
    }

    EcbeValidator validator() {
        return validator;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public synchronized void close() {
        for (CbcEndpoint e : endpoints) {
            e.stop();
        }
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
