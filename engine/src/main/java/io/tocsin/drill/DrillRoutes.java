package io.tocsin.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tocsin.cap.Alert;
import io.tocsin.ingress.Access;
import io.tocsin.ingress.AlertParser;
import io.tocsin.ingress.ApiRequest;
import io.tocsin.ingress.ApiResponse;
import io.tocsin.ingress.BodyFormat;
import io.tocsin.ingress.ParsedAlert;
import io.tocsin.ingress.Route;
import io.tocsin.ingress.SimpleRoute;
import io.tocsin.security.OperatorRole;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drill API (operators with the DRILL role — supervisors, not the duty operators being tested):
 *
 * <pre>
 * POST /api/v1/drills       {"name", "from", "to"} or {"name", "withinMinutes"}, optional "cap" (CAP XML template)
 *                           → 202 {id, name, window, state}: the engine picks the moment and never shows it
 * GET  /api/v1/drills       → 200 {drills: [...]}: window, state, and once injected the alert and its handling
 * GET  /api/v1/drills/{id}  → 200 one drill | 404
 * </pre>
 *
 * Thread-safe.
 */
public final class DrillRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_WINDOW_DAYS = 366;

    private final Drills drills;
    private final AlertParser parser;
    private final Clock clock;

    public DrillRoutes(Drills drills, AlertParser parser, Clock clock) {
        this.drills = drills;
        this.parser = parser;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(
                SimpleRoute.immediate("POST", "/api/v1/drills", Access.OPERATOR, this::schedule),
                SimpleRoute.immediate("GET", "/api/v1/drills", Access.OPERATOR, this::list),
                SimpleRoute.immediate("GET", "/api/v1/drills/{id}", Access.OPERATOR, this::one));
    }

    private static ApiResponse forbidden(ApiRequest r) {
        return r.caller().operator().may(OperatorRole.DRILL) ? null
                : ApiResponse.reason(403, "operator '" + r.caller().name() + "' may not schedule or see drills");
    }

    private ApiResponse schedule(ApiRequest request) {
        ApiResponse refused = forbidden(request);
        if (refused != null) {
            return refused;
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (Exception e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return ApiResponse.located(400, "body must be a JSON object", "/");
        }
        String name = body.path("name").asText(null);
        Instant from;
        Instant to;
        try {
            if (body.has("withinMinutes")) {
                long minutes = body.path("withinMinutes").asLong(0);
                if (minutes < 1 || minutes > MAX_WINDOW_DAYS * 24 * 60) {
                    return ApiResponse.located(400, "withinMinutes must be between 1 and " + MAX_WINDOW_DAYS * 24 * 60,
                            "/withinMinutes");
                }
                from = clock.instant();
                to = from.plus(Duration.ofMinutes(minutes));
            } else {
                from = OffsetDateTime.parse(body.path("from").asText("")).toInstant();
                to = OffsetDateTime.parse(body.path("to").asText("")).toInstant();
            }
        } catch (DateTimeParseException e) {
            return ApiResponse.located(400, "from and to must be ISO-8601 date-times with an offset, or give "
                    + "withinMinutes", "/from");
        }
        if (Duration.between(from, to).toDays() > MAX_WINDOW_DAYS) {
            return ApiResponse.located(400, "a drill window may span at most " + MAX_WINDOW_DAYS + " days", "/to");
        }
        Alert template = null;
        if (body.hasNonNull("cap")) {
            ParsedAlert parsed = parser.parse(BodyFormat.XML, body.path("cap").asText().getBytes(StandardCharsets.UTF_8));
            if (!parsed.ok()) {
                return ApiResponse.located(400, "the drill template is not valid CAP: " + parsed.reasons(), "/cap");
            }
            template = parsed.alert();
        }
        try {
            DrillPlan plan = drills.schedule(name, from, to, template, request.caller().name());
            return ApiResponse.json(202, view(plan));
        } catch (IllegalArgumentException e) {
            return ApiResponse.located(400, e.getMessage(), name == null ? "/name" : "/to");
        }
    }

    private ApiResponse list(ApiRequest request) {
        ApiResponse refused = forbidden(request);
        if (refused != null) {
            return refused;
        }
        return ApiResponse.json(200, Map.of("drills", drills.plans().stream().map(this::view).toList()));
    }

    private ApiResponse one(ApiRequest request) {
        ApiResponse refused = forbidden(request);
        if (refused != null) {
            return refused;
        }
        return drills.plan(request.pathParam("id")).map(p -> ApiResponse.json(200, view(p)))
                .orElseGet(() -> ApiResponse.reason(404, "no such drill: " + request.pathParam("id")));
    }

    /** What may be shown: never the moment of a drill not yet injected. */
    private Map<String, Object> view(DrillPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("window", Map.of("from", p.from().toString(), "to", p.to().toString()));
        m.put("state", p.state());
        m.put("requestedBy", p.requestedBy());
        m.put("status", "Exercise");
        if (p.injectedAt() != null) {
            m.put("injectedAt", p.injectedAt());
        }
        if (p.alertId() != null) {
            m.put("alertId", p.alertId());
            drills.handling(p).ifPresent(h -> m.put("handling", h));
        }
        if (p.problem() != null) {
            m.put("problem", p.problem());
        }
        return m;
    }
}
