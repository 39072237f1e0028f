package io.tocsin.ingress;

import io.tocsin.cap.Reason;
import io.tocsin.pipeline.IntakeOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** Maps the engine's answers (and failures to answer) to HTTP. Stateless and thread-safe. */
final class OutcomeResponses {

    private final int retryAfterSeconds;

    OutcomeResponses(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * ACCEPTED → {@code acceptedStatus} {id, state}; DUPLICATE → 200 {id, state, duplicate}; SATURATED → 503;
     * REJECTED → 409; NOT_FOUND → 404.
     */
    ApiResponse of(IntakeOutcome outcome, int acceptedStatus, List<Reason> warnings) {
        return switch (outcome.kind()) {
            case ACCEPTED -> {
                if (warnings.isEmpty() && plain(outcome.alertId()) && plain(outcome.state())) {
                    yield accepted(acceptedStatus, outcome); // the common answer, written on the pipeline thread
                }
                Map<String, Object> body = idState(outcome);
                if (!warnings.isEmpty()) {
                    body.put("warnings", reasons(warnings));
                }
                yield ApiResponse.json(acceptedStatus, body);
            }
            case DUPLICATE -> {
                Map<String, Object> body = idState(outcome);
                body.put("duplicate", true);
                yield ApiResponse.json(200, body);
            }
            case SATURATED -> saturated(outcome.reason() == null ? "the engine is saturated" : outcome.reason());
            case REJECTED -> ApiResponse.reason(409, outcome.reason() == null ? "refused" : outcome.reason());
            case NOT_FOUND -> ApiResponse.reason(404, outcome.reason() == null ? "no such alert" : outcome.reason());
        };
    }

    /** The future failed instead of answering: a timeout is 503 (retry; ingest is idempotent), else 500. */
    ApiResponse failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return saturated("the engine did not answer in time; the request may still take effect."
                    + " Retry: a repeated alert is recognised as a duplicate");
        }
        return ApiResponse.reason(500, "internal error: " + cause.getClass().getSimpleName());
    }

    ApiResponse saturated(String reason) {
        return ApiResponse.reason(503, reason).withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    ApiResponse tooMany(String reason) {
        return ApiResponse.reason(429, reason).withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    static List<Map<String, String>> reasons(List<Reason> reasons) {
        return reasons.stream().map(r -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("path", r.path());
            m.put("code", r.code());
            m.put("level", r.level().name().toLowerCase());
            m.put("message", r.message());
            return m;
        }).toList();
    }

    /** {@code {"id":…,"state":…}} by hand: the same bytes Jackson writes for these two plain strings. */
    static ApiResponse accepted(int status, IntakeOutcome outcome) {
        String body = "{\"id\":\"" + outcome.alertId() + "\",\"state\":\"" + outcome.state() + "\"}";
        return new ApiResponse(status, ApiResponse.JSON, body.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                Map.of(), false);
    }

    /** Non-empty, and only characters JSON needs no escape for and ASCII encodes as themselves. */
    static boolean plain(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> idState(IntakeOutcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", outcome.alertId());
        body.put("state", outcome.state());
        return body;
    }
}
