package io.tocsin.report;

import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.TimelineEntry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The report's {@code drill} section for alerts a double-blind drill injected (publisher {@code drill:NAME}):
 * when it was injected, that it was an Exercise, and how the operators handled it — the first approve, reject
 * or cancel (or its expiry unhandled), by whom and how many milliseconds after injection. Stateless.
 */
final class DrillSection {
    private DrillSection() {
    }

    static Optional<Map<String, Object>> of(AlertView a) {
        if (a.publisher() == null || !a.publisher().startsWith("drill:")) {
            return Optional.empty();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("drill", a.publisher().substring("drill:".length()));
        m.put("status", a.status());
        m.put("injectedAt", a.receivedAt());
        for (TimelineEntry t : a.timeline()) {
            String e = t.event();
            if (e.equals("approved") || e.equals("rejected") || e.equals("cancelled") || e.equals("expired")) {
                m.put("handledBy", e.equals("expired") ? null : t.detail());
                m.put("action", e.equals("expired") ? "none (expired unhandled)" : e);
                m.put("handledAt", t.at());
                m.put("msToHandle", a.receivedAt() == null ? null : Duration.between(a.receivedAt(), t.at()).toMillis());
                return Optional.of(m);
            }
        }
        m.put("action", "waiting for an operator");
        return Optional.of(m);
    }
}
