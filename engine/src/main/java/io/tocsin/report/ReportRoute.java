package io.tocsin.report;

import io.tocsin.ingress.Access;
import io.tocsin.ingress.ApiRequest;
import io.tocsin.ingress.ApiResponse;
import io.tocsin.ingress.Route;
import io.tocsin.ingress.SimpleRoute;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.LedgerView;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/alerts/{id}/report}: the after-action report as JSON, or as an HTML page with
 * {@code ?format=html}. Operators see every alert; a publisher only its own (others are 404). Thread-safe.
 */
public final class ReportRoute {
    public static final String PATTERN = "/api/v1/alerts/{id}/report";

    private final LedgerView ledger;
    private final AfterActionReport reports;

    public ReportRoute(LedgerView ledger, ReportGeography geography) {
        this.ledger = ledger;
        this.reports = new AfterActionReport(ledger, geography);
    }

    public Route route() {
        return SimpleRoute.immediate("GET", PATTERN, Access.ANY_KEY, this::report);
    }

    private ApiResponse report(ApiRequest request) {
        String id = request.pathParam("id");
        Optional<AlertView> view = ledger.alert(id);
        if (view.isEmpty() || !(request.caller().isOperator() || request.caller().name().equals(view.get().publisher()))) {
            return ApiResponse.reason(404, "no such alert: " + id);
        }
        String format = request.queryParam("format", "json");
        if (!format.equals("json") && !format.equals("html")) {
            return ApiResponse.located(400, "format must be json or html", "?format");
        }
        Optional<Map<String, Object>> report = reports.build(id);
        if (report.isEmpty()) {
            return ApiResponse.reason(404, "no such alert: " + id);
        }
        return format.equals("html")
                ? ApiResponse.text(200, "text/html; charset=utf-8", ReportHtml.render(report.get()))
                : ApiResponse.json(200, report.get());
    }
}
