package io.tocsin.ingress;

import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.LedgerView;
import io.tocsin.pipeline.Governance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/approvals} (operators): the approvals queue, oldest first — every alert waiting in
 * PENDING_APPROVAL with who submitted it (publisher and person), how long it has waited, when its approval
 * window closes and whether the calling operator may approve it (not when they submitted it themselves, with
 * the reason). Reads ledger snapshots only. Thread-safe.
 */
final class ApprovalQueue {

    private final LedgerView ledger;
    private final Governance governance;
    private final Clock clock;

    ApprovalQueue(LedgerView ledger, Governance governance, Clock clock) {
        this.ledger = ledger;
        this.governance = governance;
        this.clock = clock;
    }

    Route route() {
        return SimpleRoute.immediate("GET", "/api/v1/approvals", Access.OPERATOR, this::list);
    }

    private ApiResponse list(ApiRequest request) {
        String operator = request.caller().name();
        Instant now = clock.instant();
        List<Map<String, Object>> pending = ledger.alerts().stream()
                .filter(a -> a.state() == AlertState.PENDING_APPROVAL)
                .sorted(Comparator.comparing(AlertView::receivedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(a -> row(a, operator, now))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("approvalWindow", governance.approvalWindow() == null ? null : governance.approvalWindow().toString());
        body.put("approvals", pending);
        return ApiResponse.json(200, body);
    }

    private Map<String, Object> row(AlertView a, String operator, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("identifier", a.identifier());
        m.put("sender", a.sender());
        m.put("status", a.status());
        m.put("exercise", !"Actual".equals(a.status()));
        m.put("msgType", a.msgType());
        m.put("event", a.event());
        m.put("headline", a.headline());
        m.put("severity", a.severity());
        m.put("urgency", a.urgency());
        m.put("publisher", a.publisher());
        m.put("submitter", governance.identities().ofPublisher(a.publisher()));
        m.put("receivedAt", a.receivedAt());
        m.put("waitingMs", a.receivedAt() == null ? null : Duration.between(a.receivedAt(), now).toMillis());
        Instant deadline = deadline(a);
        m.put("approvalDeadline", deadline);
        m.put("msLeft", deadline == null ? null : Math.max(0, Duration.between(now, deadline).toMillis()));
        m.put("expires", a.expires());
        String refusal = governance.identities().selfApproval(a.publisher(), operator);
        m.put("mayApprove", refusal == null);
        m.put("mayApproveReason", refusal);
        return m;
    }

    /** Whichever comes first: the end of the approval window or the CAP expiry (null when neither). */
    private Instant deadline(AlertView a) {
        Instant window = governance.approvalWindow() == null || a.receivedAt() == null ? null
                : a.receivedAt().plus(governance.approvalWindow());
        if (window == null) {
            return a.expires();
        }
        return a.expires() != null && a.expires().isBefore(window) ? a.expires() : window;
    }
}
