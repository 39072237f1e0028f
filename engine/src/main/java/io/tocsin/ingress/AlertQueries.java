package io.tocsin.ingress;

import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.LedgerView;
import io.tocsin.security.Caller;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/alerts} (newest first; {@code ?state=ACTIVE&limit=100}) and {@code GET /api/v1/alerts/{id}}
 * (state, per-channel counters, timeline). Operators see every alert; a publisher sees only its own (others
 * are 404, so ids do not leak). Reads ledger snapshots only. Thread-safe.
 */
final class AlertQueries {

    private static final int MAX_LIMIT = 1000;

    private final LedgerView ledger;

    AlertQueries(LedgerView ledger) {
        this.ledger = ledger;
    }

    List<Route> routes() {
        return List.of(
                SimpleRoute.immediate("GET", "/api/v1/alerts", Access.ANY_KEY, this::list),
                SimpleRoute.immediate("GET", "/api/v1/alerts/{id}", Access.ANY_KEY, this::one));
    }

    private ApiResponse list(ApiRequest request) {
        int limit;
        try {
            limit = Integer.parseInt(request.queryParam("limit", "100"));
        } catch (NumberFormatException e) {
            return ApiResponse.located(400, "limit must be a number", "?limit");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return ApiResponse.located(400, "limit must be between 1 and " + MAX_LIMIT, "?limit");
        }
        String stateText = request.queryParam("state", null);
        AlertState state = null;
        if (stateText != null) {
            try {
                state = AlertState.valueOf(stateText.toUpperCase());
            } catch (IllegalArgumentException e) {
                return ApiResponse.located(400, "state must be one of " + List.of(AlertState.values()), "?state");
            }
        }
        AlertState wanted = state;
        List<Map<String, Object>> alerts = ledger.alerts().stream()
                .filter(a -> visible(a, request.caller()))
                .filter(a -> wanted == null || a.state() == wanted)
                .sorted(Comparator.comparing(AlertView::receivedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(limit)
                .map(AlertQueries::summary)
                .toList();
        return ApiResponse.json(200, Map.of("alerts", alerts));
    }

    private ApiResponse one(ApiRequest request) {
        Optional<AlertView> view = ledger.alert(request.pathParam("id"));
        if (view.isEmpty() || !visible(view.get(), request.caller())) {
            return ApiResponse.reason(404, "no such alert: " + request.pathParam("id"));
        }
        return ApiResponse.json(200, view.get());
    }

    static boolean visible(AlertView view, Caller caller) {
        return caller.isOperator() || caller.name().equals(view.publisher());
    }

    private static Map<String, Object> summary(AlertView a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("state", a.state());
        m.put("sender", a.sender());
        m.put("identifier", a.identifier());
        m.put("sent", a.sent());
        m.put("status", a.status());
        m.put("msgType", a.msgType());
        m.put("event", a.event());
        m.put("headline", a.headline());
        m.put("severity", a.severity());
        m.put("urgency", a.urgency());
        m.put("publisher", a.publisher());
        m.put("receivedAt", a.receivedAt());
        m.put("expires", a.expires());
        m.values().removeIf(v -> v == null);
        return m;
    }
}
