package io.tocsin.ingress;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route answers: status, body and extra headers; {@code close} asks for the connection to be closed
 * after it. Immutable.
 */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers,
                          boolean close) {

    public static final String JSON = "application/json; charset=utf-8";

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse json(int status, Object value) {
        try {
            return new ApiResponse(status, JSON, Json.MAPPER.writeValueAsBytes(value), Map.of(), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("API value not serialisable: " + value.getClass(), e);
        }
    }

    /** {@code {"reason": ...}} with this status. */
    public static ApiResponse reason(int status, String reason) {
        return json(status, Map.of("reason", reason));
    }

    /** {@code {"reason": ..., "path": ...}}: a refusal that points at the part of the input it is about. */
    public static ApiResponse located(int status, String reason, String path) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("reason", reason);
        if (path != null) {
            body.put("path", path);
        }
        return json(status, body);
    }

    public static ApiResponse text(int status, String contentType, String text) {
        return new ApiResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of(), false);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, contentType, body, h, close);
    }

    public ApiResponse closing() {
        return new ApiResponse(status, contentType, body, headers, true);
    }
}
