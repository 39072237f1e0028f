package io.tocsin.dist.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Receipts an engine's SMS connectors could not match to any dispatch ("N receipts for unknown message ids" in
 * their {@code /health} detail): after a restart, receipts for submits a killed engine had sent land here unless
 * the new engine took those dispatches back from the journal. Read from a live engine just before it is killed
 * and from the last one at the end. Stateless.
 */
final class UnknownReceipts {
    private static final Pattern UNKNOWN = Pattern.compile("(\\d+) receipts for unknown message ids");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private UnknownReceipts() {
    }

    /** The sum over the engine's connectors, or -1 when its {@code /health} could not be read. */
    static long of(String baseUrl) {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return count(EngineApi.JSON.readTree(r.body()));
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static long count(JsonNode health) {
        long n = 0;
        for (Iterator<JsonNode> it = health.path("connectors").elements(); it.hasNext(); ) {
            Matcher m = UNKNOWN.matcher(it.next().path("detail").asText(""));
            if (m.find()) {
                n += Long.parseLong(m.group(1));
            }
        }
        return n;
    }
}
