package io.tocsin.dist.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The harness's HTTP client of one engine: pushes CAP alerts with a publisher's key and reads alerts with the
 * operator's key. Thread-safe (one {@link HttpClient}).
 */
final class EngineApi {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer to a push: status, the alert id (2xx), and when the answer arrived (nanoTime). */
    record Ack(int status, String id, long sentNanos, long answeredNanos, String body) {
        boolean accepted() {
            return status == 202;
        }

        double millis() {
            return (answeredNanos - sentNanos) / 1e6;
        }
    }

    private final String base;
    private final BenchKeys keys;
    private final HttpClient http;

    EngineApi(String base, BenchKeys keys) {
        this.base = base;
        this.keys = keys;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    String base() {
        return base;
    }

    private HttpRequest push(byte[] cap, int publisher) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                .header("Authorization", "Bearer " + keys.key(publisher))
                .header("Content-Type", "application/cap+xml").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(cap)).build();
    }

    Ack post(byte[] cap, int publisher) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(push(cap, publisher), HttpResponse.BodyHandlers.ofString());
        return ack(r, t0, System.nanoTime());
    }

    CompletableFuture<Ack> postAsync(byte[] cap, int publisher) {
        long t0 = System.nanoTime();
        return http.sendAsync(push(cap, publisher), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> ack(r, t0, System.nanoTime()))
                .exceptionally(e -> new Ack(-1, null, t0, System.nanoTime(), String.valueOf(e)));
    }

    private static Ack ack(HttpResponse<String> r, long t0, long t1) {
        String id = null;
        if (r.statusCode() / 100 == 2) {
            try {
                id = JSON.readTree(r.body()).path("id").asText(null);
            } catch (IOException e) {
                id = null;
            }
        }
        return new Ack(r.statusCode(), id, t0, t1, r.body());
    }

    /** {@code GET /api/v1/alerts/{id}} as JSON, or null for 404 / unreachable. */
    JsonNode alert(String id) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts/" + id))
                    .header("Authorization", "Bearer " + keys.operator()).timeout(Duration.ofSeconds(10)).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {@code GET /health}: its status code, or -1 when it did not answer within 10 s. */
    int health() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** How many of {@code ids} the engine does not know ({@code GET /api/v1/alerts/{id}} not 200), 64 at a time. */
    long missing(java.util.List<String> ids) throws InterruptedException {
        java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(64);
        java.util.concurrent.atomic.AtomicLong missing = new java.util.concurrent.atomic.AtomicLong();
        for (String id : ids) {
            window.acquire();
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts/" + id))
                            .header("Authorization", "Bearer " + keys.operator()).timeout(Duration.ofSeconds(30)).GET()
                            .build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        if (e != null || r.statusCode() != 200) {
                            missing.incrementAndGet();
                        }
                        window.release();
                    });
        }
        window.acquire(64);
        return missing.get();
    }

    /** {@code GET /api/v1/alerts/{id}/report} as JSON, or null. */
    JsonNode report(String id) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts/" + id
                    + "/report")).header("Authorization", "Bearer " + keys.operator())
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
