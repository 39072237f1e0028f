package io.tocsin.ingress;

import io.tocsin.config.ServerConfig;
import io.tocsin.ledger.LedgerView;
import io.tocsin.pipeline.AlertIntake;
import io.tocsin.pipeline.Governance;
import io.tocsin.security.KeyRing;
import io.tocsin.security.RegionShapes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code /api/v1} routes over an engine's write side ({@link AlertIntake}) and read side
 * ({@link LedgerView}), plus {@code GET /health}. {@link #router()} returns a router with all of them that
 * other components may add routes to before the server starts.
 *
 * <pre>
 * POST /api/v1/alerts                 publisher  202 {id,state} | 200 duplicate | 400 | 403 | 413 | 415 | 429 | 503
 * GET  /api/v1/alerts[?state&amp;limit]   any key    200 {alerts:[...]}
 * GET  /api/v1/alerts/{id}            any key    200 AlertView | 404
 * POST /api/v1/alerts/{id}/cancel     operator   202 | 404 | 409
 * POST /api/v1/alerts/{id}/approve    operator   200 | 403 self-approval | 404 | 409
 * POST /api/v1/alerts/{id}/reject     operator   200 | 404 | 409
 * GET  /api/v1/approvals              operator   200 {approvalWindow, approvals:[...]} (oldest first)
 * GET  /health, /api/v1/health        public     200 {status:"UP"|"DEGRADED", connectors, journal} | 503 refusing
 * </pre>
 *
 * Thread-safe.
 */
public final class AlertApi {

    private final KeyRing keys;
    private final SubmitAlertRoute submit;
    private final List<Route> routes = new ArrayList<>();
    private final java.util.function.Supplier<HealthReport> healthReport;

    public AlertApi(KeyRing keys, AlertIntake intake, LedgerView ledger, AlertParser parser, RegionShapes shapes,
                    Clock clock, ServerConfig config) {
        this(keys, intake, ledger, parser, shapes, clock, config,
                new Governance(null, keys.identities(), java.util.Set.of()));
    }

    /** With the engine's governance rules (approval window for the approvals queue, identities). */
    public AlertApi(KeyRing keys, AlertIntake intake, LedgerView ledger, AlertParser parser, RegionShapes shapes,
                    Clock clock, ServerConfig config, Governance governance) {
        this(keys, intake, ledger, parser, shapes, clock, config, governance, HealthReport::up);
    }

    /** Also with {@code health} supplying the engine's side of {@code /health} (connectors, journal); any thread. */
    public AlertApi(KeyRing keys, AlertIntake intake, LedgerView ledger, AlertParser parser, RegionShapes shapes,
                    Clock clock, ServerConfig config, Governance governance,
                    java.util.function.Supplier<HealthReport> health) {
        this.keys = keys;
        this.healthReport = health;
        this.submit = new SubmitAlertRoute(intake, parser, shapes, clock, config);
        routes.add(submit);
        routes.addAll(new AlertQueries(ledger).routes());
        routes.addAll(new OperatorCommands(intake, config, ledger, governance.identities()).routes());
        routes.add(new ApprovalQueue(ledger, governance, clock).route());
        routes.add(SimpleRoute.immediate("GET", "/health", Access.PUBLIC, r -> health()));
        routes.add(SimpleRoute.immediate("GET", "/api/v1/health", Access.PUBLIC, r -> health()));
    }

    private ApiResponse health() {
        HealthReport report = healthReport.get();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", "UP");
        body.putAll(report.details());
        body.put("inFlight", submit.inFlight());
        return ApiResponse.json(report.httpStatus(), body);
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** A router holding every route of this API; closing it stops the decode workers. */
    public Router router() {
        return new Router(keys).addAll(routes).closeWith(submit);
    }
}
