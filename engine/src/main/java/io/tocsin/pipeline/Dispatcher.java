package io.tocsin.pipeline;

import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.SendResult;
import io.tocsin.journal.DispatchOutcome;
import io.tocsin.journal.DispatchRange;
import io.tocsin.planning.FirstDispatchTrace;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The dispatch duty of the pipeline thread: for each connector, offers the head of its queue within the rate
 * and in-flight limits. The ids about to be offered are journaled SUBMITTED first, so after a crash the engine
 * knows which may have reached the peer (re-sent, counted as possible duplicates) and which never left.
 * BACK_PRESSURED and NOT_CONNECTED put the rest back (PLANNED) with a back-off; REJECTED fails the dispatch. Order
 * of a pass: withdrawals and corrections on every connector, then cell broadcast, then SMS, then the other
 * whole-area channels (radio, TV, webhooks).
 * Pipeline thread only.
 */
final class Dispatcher {
    private static final int MAX_PER_STEP = 512;
    private static final long BACKPRESSURE_NANOS = 1_000_000L;
    private static final long NOT_CONNECTED_NANOS = 20_000_000L;
    private static final long MAX_BACKOFF_NANOS = 1_000_000_000L;

    private final Router router;
    private final Recorder recorder;
    private final Map<Long, InFlight> inFlight;
    private final FirstDispatchTrace trace;
    long expiredAtSend;

    Dispatcher(Router router, Recorder recorder, Map<Long, InFlight> inFlight, FirstDispatchTrace trace) {
        this.router = router;
        this.recorder = recorder;
        this.inFlight = inFlight;
        this.trace = trace;
    }

    /** One pass over every connector; returns dispatches handled. */
    int doWork(long nowNanos, Instant now) {
        int work = 0;
        List<ConnectorQueue> queues = router.queues();
        // Withdrawals and corrections first on every connector, before any connector's bulk work.
        for (ConnectorQueue q : queues) {
            if (!q.closed && nowNanos >= q.retryAtNanos && q.hasUrgent()) {
                work += drain(q, nowNanos, now, true);
            }
        }
        // Then cell broadcast (a handful of dispatches per alert, each reaching everybody in the area in seconds), so
        // it never waits behind a step of bulk SMS offers; then SMS, so an alert's first SMS does not wait behind the
        // offers of its radio, TV and webhook dispatches (which air or post over seconds; one step of SMS offers is
        // a few milliseconds).
        for (int rank = 0; rank < RANKS; rank++) {
            for (ConnectorQueue q : queues) {
                if (rank(q.connector.kind()) == rank && !q.closed && nowNanos >= q.retryAtNanos) {
                    work += drain(q, nowNanos, now, false);
                }
            }
        }
        return work;
    }

    private static final int RANKS = 3;

    /** A pass's order of bulk work: cell broadcast 0, SMS 1, every other channel 2. */
    private static int rank(ChannelKind kind) {
        return kind == ChannelKind.CELL_BROADCAST ? 0 : kind == ChannelKind.SMS ? 1 : 2;
    }

    /** Nanoseconds until a queue that has work may send again (rate or back-off), or Long.MAX_VALUE. */
    long nanosToNextAttempt(long nowNanos) {
        long best = Long.MAX_VALUE;
        for (ConnectorQueue q : router.queues()) {
            if (q.closed || q.depth() == 0 || q.inFlight >= q.limits.maxInFlight()) {
                continue;
            }
            long wait = Math.max(q.retryAtNanos - nowNanos, q.bucket.nanosToNextToken());
            best = Math.min(best, Math.max(0, wait));
        }
        return best;
    }

    boolean canSend(long nowNanos) {
        for (ConnectorQueue q : router.queues()) {
            if (!q.closed && q.depth() > 0 && nowNanos >= q.retryAtNanos && q.inFlight < q.limits.maxInFlight()
                    && q.bucket.available(nowNanos) > 0) {
                return true;
            }
        }
        return false;
    }

    private int drain(ConnectorQueue q, long nowNanos, Instant now, boolean urgentOnly) {
        int handled = 0;
        while (handled < MAX_PER_STEP) {
            QueuedBatch b = q.peek();
            if (b == null || (urgentOnly && b.priorityClass != 0)) {
                break;
            }
            long at = now.toEpochMilli();
            if (b.meta.expires() != null && !now.isBefore(b.meta.expires())) {
                expiredAtSend += b.remaining();
                recorder.record(new DispatchRange(at, b.nextId(), b.remaining(), DispatchState.EXPIRED));
                q.drop(b);
                continue;
            }
            int n = Math.min(Math.min(b.remaining(), MAX_PER_STEP - handled),
                    Math.min(q.limits.maxInFlight() - q.inFlight, q.bucket.available(nowNanos)));
            if (n <= 0) {
                break;
            }
            recorder.record(new DispatchRange(at, b.nextId(), n, DispatchState.SUBMITTED));
            trace.offered(b.meta.alertId(), q.connector.kind());
            int done = 0;
            SendResult refused = null;
            while (done < n) {
                Dispatch d = b.dispatch(done);
                SendResult r = q.connector.offer(d);
                if (r == SendResult.ACCEPTED) {
                    q.inFlight++;
                    q.offered++;
                    q.backoffs = 0;
                    inFlight.put(d.id(), new InFlight(d, q));
                } else if (r == SendResult.REJECTED) {
                    q.rejected++;
                    recorder.record(new DispatchOutcome(at, d.id(), DispatchState.FAILED, null,
                            "rejected by connector " + q.name()));
                } else {
                    refused = r;
                    break;
                }
                done++;
            }
            trace.offeredRun(b.meta.alertId(), q.connector.kind());
            q.bucket.take(done);
            if (refused != null) {
                recorder.record(new DispatchRange(at, b.nextId() + done, n - done, DispatchState.PLANNED));
            }
            q.advance(b, done);
            handled += done;
            if (refused != null) {
                backOff(q, refused, nowNanos);
                break;
            }
        }
        return handled;
    }

    private static void backOff(ConnectorQueue q, SendResult result, long nowNanos) {
        if (result == SendResult.CLOSED) {
            q.closed = true;
            return;
        }
        long base = result == SendResult.NOT_CONNECTED ? NOT_CONNECTED_NANOS : BACKPRESSURE_NANOS;
        long delay = Math.min(MAX_BACKOFF_NANOS, base << Math.min(q.backoffs, 16));
        q.backoffs++;
        q.retryAtNanos = nowNanos + delay;
    }
}
