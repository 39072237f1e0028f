package io.tocsin.connector;

/**
 * What {@link Connector#offer} did with a dispatch. Never blocks, never throws for these cases.
 */
public enum SendResult {
    /** Taken: the connector owns it now and will report its outcome through the {@link ReceiptSink}. */
    ACCEPTED,
    /** Window or rate limit full: keep it queued and offer it again later. Retry. */
    BACK_PRESSURED,
    /** No live link to the peer right now: keep it queued and retry after a back-off. Retry. */
    NOT_CONNECTED,
    /** The connector can never send this dispatch (bad target, no route, budget exceeded): fail it. Do not retry. */
    REJECTED,
    /** The connector is shut down: stop offering. Do not retry on this connector. */
    CLOSED;

    public boolean retryable() { return this == BACK_PRESSURED || this == NOT_CONNECTED; }
}
