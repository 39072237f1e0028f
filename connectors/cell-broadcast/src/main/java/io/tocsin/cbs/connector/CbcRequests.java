package io.tocsin.cbs.connector;

import io.tocsin.cbs.connector.CbcAnswer.Kind;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Creates and deletes CBS messages with retries and fail-over:
 *
 * <pre>
 *   attempt ──▶ OK ─────────────────────────────▶ done
 *      │──▶ UNREACHABLE (endpoint marked down) ─▶ next endpoint now
 *      │──▶ 5xx / NO_ANSWER (failure counted) ──▶ next endpoint now, or the same after a back-off
 *      │──▶ 409 after a NO_ANSWER ──────────────▶ done (our earlier attempt created it)
 *      │──▶ 409 on an update ───────────────────▶ DELETE, then POST again (plain osmo-cbc has no replace)
 *      └──▶ other 4xx ──────────────────────────▶ failed, no retry
 * </pre>
 *
 * Thread-safe; every future completes normally.
 */
public final class CbcRequests {

    /** The end of one message's request chain. */
    public record Result(boolean ok, boolean ambiguous, CbcAnswer answer, String endpoint) {
    }

    private final CbcProtocol protocol;
    private final CbcEndpointPool pool;
    private final CbsSettings settings;
    private final ScheduledExecutorService scheduler;

    public CbcRequests(CbcProtocol protocol, CbcEndpointPool pool, CbsSettings settings, ScheduledExecutorService scheduler) {
        this.protocol = protocol;
        this.pool = pool;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    /**
     * @param replace      an update: a 409 means "the old version is there" → delete and post again
     * @param maybeOurs    an earlier attempt of this very message may have been created (so 409 = ours)
     */
    public CompletableFuture<Result> create(CbsBroadcast b, boolean replace, boolean maybeOurs) {
        CompletableFuture<Result> done = new CompletableFuture<>();
        create(b, replace, 0, null, maybeOurs, done);
        return done;
    }

    public CompletableFuture<Result> delete(int messageId) {
        CompletableFuture<Result> done = new CompletableFuture<>();
        delete(messageId, 0, null, done);
        return done;
    }

    private void create(CbsBroadcast b, boolean replace, int attempt, CbcEndpointState avoid, boolean ambiguous,
                        CompletableFuture<Result> done) {
        CbcEndpointState ep = pool.pick(avoid, attempt);
        protocol.create(ep.settings(), settings.cbeName(), b).thenAccept(a -> {
            String name = ep.settings().name();
            switch (a.kind()) {
                case OK:
                    ep.answered();
                    done.complete(new Result(true, false, a, name));
                    return;
                case CONFLICT:
                    ep.answered();
                    if (ambiguous) {
                        done.complete(new Result(true, true, a, name));
                    } else if (replace) {
                        delete(b.messageId()).thenAccept(d -> {
                            if (d.ok()) {
                                create(b, false, attempt + 1, null, false, done);
                            } else {
                                done.complete(d);
                            }
                        });
                    } else {
                        done.complete(new Result(false, false, CbcAnswer.of(Kind.CONFLICT, a.status(),
                                "message id " + b.messageId() + " already active on the CBC (another alert)"), name));
                    }
                    return;
                case NOT_FOUND:
                case REJECTED:
                    ep.answered();
                    done.complete(new Result(false, false, a, name));
                    return;
                default:
                    boolean nowAmbiguous = ambiguous || a.kind() == Kind.NO_ANSWER;
                    noteFailure(ep, a);
                    retry(attempt, ep, nowAmbiguous, a, done,
                            (next, nextAttempt) -> create(b, replace, nextAttempt, ep, nowAmbiguous, done));
            }
        });
    }

    private void delete(int messageId, int attempt, CbcEndpointState avoid, CompletableFuture<Result> done) {
        CbcEndpointState ep = pool.pick(avoid, attempt);
        protocol.delete(ep.settings(), messageId).thenAccept(a -> {
            String name = ep.settings().name();
            switch (a.kind()) {
                case OK:
                case NOT_FOUND:
                    ep.answered();
                    done.complete(new Result(true, false, a, name));
                    return;
                case REJECTED:
                case CONFLICT:
                    ep.answered();
                    done.complete(new Result(false, false, a, name));
                    return;
                default:
                    noteFailure(ep, a);
                    retry(attempt, ep, a.kind() == Kind.NO_ANSWER, a, done,
                            (next, nextAttempt) -> delete(messageId, nextAttempt, ep, done));
            }
        });
    }

    private interface Next {
        void run(CbcEndpointState next, int attempt);
    }

    private void retry(int attempt, CbcEndpointState failed, boolean ambiguous, CbcAnswer last,
                       CompletableFuture<Result> done, Next next) {
        int nextAttempt = attempt + 1;
        if (nextAttempt >= settings.maxAttempts()) {
            done.complete(new Result(false, ambiguous, last, failed.settings().name()));
            return;
        }
        CbcEndpointState target = pool.pick(failed, nextAttempt);
        if (target != failed || settings.retryBackoff().isZero()) {
            next.run(target, nextAttempt);
        } else {
            scheduler.schedule(() -> next.run(target, nextAttempt), settings.retryBackoff().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private static void noteFailure(CbcEndpointState ep, CbcAnswer a) {
        if (a.kind() == Kind.UNREACHABLE) {
            ep.refused(a.detail());
        } else {
            ep.failed(a.detail());
        }
    }
}
