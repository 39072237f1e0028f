package io.tocsin.console;

/**
 * One SSE client as the {@link EventHub} sees it. {@link #offer} must never block: it queues the frame in a
 * bounded per-client buffer and returns false when that buffer is full (or the client is gone), upon which
 * the hub drops the client. Called only from the hub's thread.
 */
public interface EventSubscriber {

    /** Queues one complete SSE frame (text ending in a blank line). False: full or closed — drop me. */
    boolean offer(String frame);

    /** Ends the stream (the hub dropped the client or is shutting down). Idempotent. */
    void close();
}
