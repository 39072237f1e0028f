package io.tocsin.pipeline;

/** One connector as the dispatcher sees it: queued, in flight (window), offered and rejected so far. */
public record ConnectorStats(String name, String kind, long queued, int inFlight, long offered, long rejected,
                             boolean closed) {
}
