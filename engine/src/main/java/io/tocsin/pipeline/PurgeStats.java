package io.tocsin.pipeline;

/** The last purge of an alert's queued dispatches (cancel, update, expiry): how many and how long it took. */
public record PurgeStats(String alertId, long dispatches, long nanos) {
}
