package io.tocsin.ingress;

import io.tocsin.cap.Reason;
import io.tocsin.config.ServerConfig;
import io.tocsin.pipeline.AlertIntake;
import io.tocsin.pipeline.IntakeOutcome;
import io.tocsin.pipeline.Submission;
import io.tocsin.security.Publisher;
import io.tocsin.security.RegionShapes;
import io.tocsin.security.ScopeVerdict;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /api/v1/alerts}: read (decode + validate), check the publisher's scope, hand to the engine and
 * answer only when the engine has journaled it (202) or said why not. Bodies up to
 * {@code inlineDecodeBytes} are read on the event loop (a few tens of microseconds); larger ones on a small
 * bounded worker pool (full → 503). Overload is refused at the request's head, before its body is read or
 * parsed ({@link IntakeGate}): at most {@code maxInFlight} submissions wait for the engine (more → 429), and
 * while the engine's answers take longer than a quarter of {@code ackTimeout} new ones get 503 with Retry-After.
 * Thread-safe.
 */
public final class SubmitAlertRoute implements Route, AutoCloseable {

    private final AlertIntake intake;
    private final AlertParser parser;
    private final RegionShapes shapes;
    private final Clock clock;
    private final ServerConfig config;
    private final OutcomeResponses responses;
    private final ThreadPoolExecutor decodeWorkers;
    private final IntakeGate gate;
    private final AckDeadlines deadlines;

    public SubmitAlertRoute(AlertIntake intake, AlertParser parser, RegionShapes shapes, Clock clock,
                            ServerConfig config) {
        this.intake = intake;
        this.parser = parser;
        this.shapes = shapes;
        this.clock = clock;
        this.config = config;
        this.responses = new OutcomeResponses(config.retryAfterSeconds());
        this.gate = new IntakeGate(config.maxInFlight(), config.ackTimeout().toNanos() / 4, System::nanoTime);
        this.deadlines = new AckDeadlines(config.ackTimeout());
        AtomicInteger n = new AtomicInteger();
        this.decodeWorkers = new ThreadPoolExecutor(config.decodeThreads(), config.decodeThreads(), 30,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(config.decodeQueue()), r -> {
                    Thread t = new Thread(r, "tocsin-decode-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.decodeWorkers.allowCoreThreadTimeOut(true);
    }

    @Override
    public String method() { return "POST"; }

    @Override
    public String pattern() { return "/api/v1/alerts"; }

    @Override
    public Access access() { return Access.PUBLISHER; }

    @Override
    public ApiResponse admit(RequestHead head, io.tocsin.security.Caller caller) {
        if (BodyFormat.ofMediaType(head.mediaType()) == null) {
            return ApiResponse.json(415, Map.of(
                    "reason", "unsupported content type '" + head.contentType() + "'",
                    "accepted", List.of("application/cap+xml", "application/xml", "text/xml", "application/json")));
        }
        return refusal(gate.check());
    }

    private ApiResponse refusal(IntakeGate.Refusal why) {
        if (why == null) {
            return null;
        }
        return switch (why) {
            case TOO_MANY -> responses.tooMany("too many submissions waiting for the engine; retry shortly");
            case QUEUE_TOO_LONG -> responses.saturated(String.format(java.util.Locale.ROOT,
                    "the engine is behind (%d submissions waiting, it answers about %.0f a second, the last took %d ms);"
                            + " retry shortly", gate.inFlight(), gate.answersPerSecond(), gate.lastDelayNanos() / 1_000_000));
        };
    }

    /** Submissions currently waiting for the engine's answer. */
    public int inFlight() {
        return gate.inFlight();
    }

    @Override
    public CompletableFuture<ApiResponse> handle(ApiRequest request) {
        ApiResponse refused = refusal(gate.enter());
        if (refused != null) {
            return CompletableFuture.completedFuture(refused);
        }
        long[] handedOver = {-1};
        CompletableFuture<ApiResponse> result;
        if (request.body().length <= config.inlineDecodeBytes()) {
            result = process(request, handedOver);
        } else {
            try {
                result = CompletableFuture.supplyAsync(() -> process(request, handedOver), decodeWorkers)
                        .thenCompose(f -> f);
            } catch (RejectedExecutionException e) {
                result = CompletableFuture.completedFuture(responses.saturated("decoder queue full; retry shortly"));
            }
        }
        return result.whenComplete((r, e) -> {
            if (handedOver[0] >= 0) {
                gate.answered(handedOver[0]);
            } else {
                gate.left();
            }
        });
    }

    /** Decodes, checks and hands over; {@code handedOver[0]} is set to the time it reached the engine, if it did. */
    private CompletableFuture<ApiResponse> process(ApiRequest request, long[] handedOver) {
        if (request.body().length == 0) {
            return done(ApiResponse.json(400, Map.of("reasons", OutcomeResponses.reasons(
                    List.of(Reason.error("/", "empty-body", "the request has no body"))))));
        }
        BodyFormat format = BodyFormat.ofMediaType(request.head().mediaType());
        ParsedAlert parsed;
        try {
            parsed = parser.parse(format, request.body());
        } catch (RuntimeException e) {
            return done(ApiResponse.reason(500, "internal error reading the alert: " + e.getClass().getSimpleName()));
        }
        if (!parsed.ok()) {
            return done(ApiResponse.json(400, Map.of("reasons", OutcomeResponses.reasons(parsed.reasons()))));
        }
        Publisher publisher = request.caller().publisher();
        ScopeVerdict verdict = publisher.scope().check(parsed.alert(), shapes);
        if (!verdict.allowed()) {
            return done(ApiResponse.located(403, verdict.reason(), verdict.path()));
        }
        Submission submission = new Submission(parsed.alert(), request.body(), request.head().contentType(),
                publisher.name(), publisher.needsApproval(parsed.alert()), clock.instant());
        List<Reason> warnings = parsed.reasons();
        CompletableFuture<IntakeOutcome> outcome;
        try {
            long at = gate.now();
            outcome = intake.submit(submission);
            // Answered at once (ring full, engine stopping) means it never queued: no delay to learn from.
            handedOver[0] = outcome.isDone() ? -1 : at;
        } catch (RuntimeException e) {
            return done(responses.failure(e));
        }
        return deadlines.watch(outcome)
                .handle((o, e) -> e != null ? responses.failure(e) : responses.of(o, 202, warnings));
    }

    private static CompletableFuture<ApiResponse> done(ApiResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    @Override
    public void close() {
        decodeWorkers.shutdownNow();
        deadlines.close();
    }
}
