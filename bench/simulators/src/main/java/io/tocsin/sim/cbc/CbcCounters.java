package io.tocsin.sim.cbc;

import java.util.concurrent.atomic.AtomicLong;

/** What the simulated CBC has seen, for tests and benchmarks. Thread-safe (atomic counters). */
public final class CbcCounters {
    public final AtomicLong posts = new AtomicLong();
    public final AtomicLong created = new AtomicLong();
    public final AtomicLong replaced = new AtomicLong();
    public final AtomicLong conflicts = new AtomicLong();
    public final AtomicLong deletes = new AtomicLong();
    public final AtomicLong deleted = new AtomicLong();
    public final AtomicLong notFound = new AtomicLong();
    public final AtomicLong badRequests = new AtomicLong();
    public final AtomicLong faultsInjected = new AtomicLong();

    @Override
    public String toString() {
        return "posts=" + posts + " created=" + created + " replaced=" + replaced + " conflicts=" + conflicts
                + " deletes=" + deletes + " deleted=" + deleted + " notFound=" + notFound
                + " badRequests=" + badRequests + " faults=" + faultsInjected;
    }
}
