package io.tocsin.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.config.ServerConfig;
import io.tocsin.pipeline.AlertIntake;
import io.tocsin.pipeline.IntakeOutcome;
import io.tocsin.security.OperatorRole;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * {@code POST /api/v1/alerts/{id}/cancel}, {@code /approve} and {@code /reject} with an operator key and an
 * optional JSON body {@code {"reason": "..."}}. Cancel answers 202 once the cancel is journaled; approve and
 * reject answer 200. Unknown id → 404; approving an alert one's own person submitted → 403 with the reason
 * located at {@code /alerts/{id}/publisher}; otherwise refused by the engine (e.g. already cancelled) → 409.
 * Thread-safe.
 */
final class OperatorCommands {

    private static final int MAX_REASON = 1000;

    private final AlertIntake intake;
    private final ServerConfig config;
    private final OutcomeResponses responses;
    private final io.tocsin.ledger.LedgerView ledger;
    private final io.tocsin.security.Identities identities;

    OperatorCommands(AlertIntake intake, ServerConfig config, io.tocsin.ledger.LedgerView ledger,
                     io.tocsin.security.Identities identities) {
        this.intake = intake;
        this.config = config;
        this.ledger = ledger;
        this.identities = identities;
        this.responses = new OutcomeResponses(config.retryAfterSeconds());
    }

    List<Route> routes() {
        return List.of(
                command("cancel", OperatorRole.CANCEL, 202, (r, who) -> intake.cancel(r.pathParam("id"), who,
                        reasonOf(r))),
                command("approve", OperatorRole.APPROVE, 200, (r, who) -> intake.approve(r.pathParam("id"), who)),
                command("reject", OperatorRole.APPROVE, 200, (r, who) -> intake.reject(r.pathParam("id"), who,
                        reasonOf(r))));
    }

    private Route command(String verb, OperatorRole role, int okStatus,
                          BiFunction<ApiRequest, String, CompletableFuture<IntakeOutcome>> action) {
        return new SimpleRoute("POST", "/api/v1/alerts/{id}/" + verb, Access.OPERATOR, request -> {
            if (!request.caller().operator().may(role)) {
                return CompletableFuture.completedFuture(ApiResponse.reason(403, "operator '"
                        + request.caller().name() + "' may not " + verb));
            }
            if (role == OperatorRole.APPROVE && verb.equals("approve")) {
                String self = ledger.alert(request.pathParam("id"))
                        .map(a -> identities.selfApproval(a.publisher(), request.caller().name())).orElse(null);
                if (self != null) {
                    return CompletableFuture.completedFuture(ApiResponse.located(403, self,
                            "/alerts/" + request.pathParam("id") + "/publisher"));
                }
            }
            if (request.body().length > 0 && readReason(request.body()) == null) {
                return CompletableFuture.completedFuture(ApiResponse.located(400,
                        "body must be JSON {\"reason\": \"...\"} of at most " + MAX_REASON + " characters", "/reason"));
            }
            CompletableFuture<IntakeOutcome> outcome;
            try {
                outcome = action.apply(request, request.caller().name());
            } catch (RuntimeException e) {
                return CompletableFuture.completedFuture(responses.failure(e));
            }
            return outcome.orTimeout(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .handle((o, e) -> e != null ? responses.failure(e) : responses.of(o, okStatus, List.of()));
        });
    }

    private static String reasonOf(ApiRequest request) {
        if (request.body().length == 0) {
            return null;
        }
        String r = readReason(request.body());
        return r == null || r.isEmpty() ? null : r;
    }

    /** The reason text, "" when the body has none, or null when the body is not acceptable. */
    private static String readReason(byte[] body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                return null;
            }
            JsonNode reason = node.get("reason");
            if (reason == null || reason.isNull()) {
                return "";
            }
            return reason.isTextual() && reason.asText().length() <= MAX_REASON ? reason.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
