package io.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The CLI's view of a running engine's HTTP API: a base URL and a key. Every call answers an {@link Answer}
 * (status and parsed JSON) or throws {@link IOException} when the engine cannot be reached. Thread-safe.
 */
final class ApiClient {

    /** An HTTP status with its JSON body (a missing or non-JSON body reads as an empty object). */
    record Answer(int status, JsonNode body, String raw) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The API's {@code reason}, or the raw body. */
        String reason() {
            return body.path("reason").asText(raw == null ? "" : raw);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    ApiClient(String url, String key) {
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.key = key;
        URI.create(this.base); // IllegalArgumentException for a malformed URL: a usage error
    }

    Answer post(String path, byte[] body, String contentType) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Accept", "application/json");
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = r.body() == null || r.body().isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(r.body());
        } catch (IOException notJson) {
            body = MAPPER.createObjectNode();
        }
        return new Answer(r.statusCode(), body, r.body());
    }
}
