package io.tocsin.connector;

import io.tocsin.cap.Alert;
import java.util.List;

/**
 * A channel toward one peer family (a carrier's SMSCs, a carrier's CBCs, a broadcaster's transmitters...).
 *
 * <p>Thread-safety: {@link #offer} is called by one engine thread (the dispatcher) and must never block; the
 * connector does its I/O on its own threads and reports outcomes through the {@link ReceiptSink} it was given
 * in its {@link ConnectorContext}. {@link #health()}, {@link #inFlight()} and {@link #render} may be called
 * from any thread.
 */
public interface Connector extends AutoCloseable {

    /** Instance name from configuration, e.g. {@code cmcc-sms}. */
    String name();

    ChannelKind kind();

    /** Connects (or begins connecting in the background). Returns quickly. */
    void start();

    /** Hands over one dispatch. See {@link SendResult} for what each answer asks of the caller. */
    SendResult offer(Dispatch dispatch);

    /** Dispatches taken but not yet answered by the peer. */
    int inFlight();

    /**
     * Cancel wins: drops the dispatches of {@code alertId} this connector has taken but not yet handed to the
     * peer (its own internal queue), reporting each CANCELLED through the receipt sink. Called on the
     * dispatcher's thread when the alert is cancelled or superseded; must not block. Returns how many it
     * dropped. What the peer already has is beyond recall here (withdrawals are separate dispatches). The
     * default, for connectors without an internal queue, drops nothing.
     */
    default int withdraw(String alertId) {
        return 0;
    }

    /**
     * Start-up after a restart: the dispatches of this connector that its peer had accepted and whose final
     * outcome had not come back when the engine stopped (state ACCEPTED in the journal, with the peer's reference
     * the connector reported). Called once, on the starting thread, after the journal replay and before
     * {@link #start}. A connector whose peer reports outcomes later (SMS delivery receipts) takes them back into
     * its correlation so that those late reports still reach the ledger, and times them out as it would have.
     * The list holds only dispatches still awaiting an outcome. The default ignores them: they stay ACCEPTED.
     */
    default void resumeAwaiting(java.util.List<AwaitingReceipt> accepted) {
    }

    ConnectorHealth health();

    /** How the alert will look on this connector, per language, with its budget verdict. */
    default List<Rendering> render(Alert alert) {
        return List.of();
    }

    /** Stops I/O; dispatches not yet answered are reported PLANNED (to retry after restart) or stay unknown. */
    @Override
    void close();
}
