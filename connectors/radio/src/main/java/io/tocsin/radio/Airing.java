package io.tocsin.radio;

import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchState;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;

/**
 * One dispatch airing on one transmitter, with its receipt state. Stop may come from any thread (the
 * dispatcher's Cancel): it flips a flag and closes the open stream, so airing ends at once. Thread-safe.
 */
final class Airing implements AiringControl {

    final Dispatch dispatch;
    final Transmitter transmitter;
    private final Clock clock;
    private final Receipts receipts;
    private volatile boolean stopped;
    private volatile Closeable connection;
    private DispatchState state = DispatchState.PLANNED; // guarded by this

    Airing(Dispatch dispatch, Transmitter transmitter, Clock clock, Receipts receipts) {
        this.dispatch = dispatch;
        this.transmitter = transmitter;
        this.clock = clock;
        this.receipts = receipts;
    }

    /** Moves to {@code to} and reports it, if that is a legal next state; returns whether it moved. */
    synchronized boolean move(DispatchState to, String reason, String peerRef) {
        if (!state.canMoveTo(to)) {
            return false;
        }
        state = to;
        receipts.report(dispatch.id(), to, reason, peerRef);
        return true;
    }

    synchronized DispatchState state() {
        return state;
    }

    /** Stops airing now; reports {@code as} (e.g. CANCELLED) unless the dispatch already finished. */
    void stop(DispatchState as, String reason) {
        stopped = true;
        Closeable c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing is the point; an error closing changes nothing
            }
        }
        move(as, reason, null);
    }

    @Override
    public boolean stopped() {
        return stopped;
    }

    @Override
    public boolean expired() {
        return dispatch.expiredAt(clock.instant());
    }

    @Override
    public void attach(Closeable c) {
        connection = c;
        if (stopped) {
            try {
                c.close();
            } catch (IOException ignored) {
                // see stop()
            }
        }
    }

    @Override
    public void accepted(String peerRef) {
        move(DispatchState.ACCEPTED, null, peerRef);
    }
}
