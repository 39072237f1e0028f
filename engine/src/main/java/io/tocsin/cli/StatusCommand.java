package io.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./tocsin status [ID]}: the alerts a running engine knows (newest first), or one alert's state,
 * per-channel counters and timeline, over the HTTP API. Exit 0 shown, 1 refused or not found, 2 usage or the
 * engine cannot be reached.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show alerts of a running engine, or one alert's per-channel progress and timeline.")
public final class StatusCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "an alert id (omit to list alerts)")
    String id;

    @Option(names = "--url", defaultValue = "${env:TOCSIN_URL:-http://127.0.0.1:8080}",
            description = "engine base URL (env TOCSIN_URL; default ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--key", defaultValue = "${env:TOCSIN_KEY}",
            description = "operator or publisher key (env TOCSIN_KEY)")
    String key;

    @Option(names = "--state", description = "list only alerts in this state (e.g. ACTIVE, PENDING_APPROVAL)")
    String state;

    @Option(names = "--limit", defaultValue = "50", description = "list at most this many (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "print the API's JSON as it is")
    boolean json;

    private final ObjectMapper mapper = new ObjectMapper();
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        if (key == null || key.isBlank()) {
            err.println("status: a key is needed (--key or TOCSIN_KEY)");
            return 2;
        }
        String path = id == null ? "/api/v1/alerts?limit=" + limit
                + (state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8))
                : "/api/v1/alerts/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        HttpResponse<String> response;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            response = client.send(HttpRequest.newBuilder(URI.create(stripSlash(url) + path))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + key).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            err.println("status: no engine at " + url + " (is it running?)");
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("status: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
        if (json) {
            out.println(response.body());
            return response.statusCode() == 200 ? 0 : 1;
        }
        JsonNode body;
        try {
            body = mapper.readTree(response.body());
        } catch (IOException e) {
            err.println("status: unreadable answer (HTTP " + response.statusCode() + ")");
            return 1;
        }
        if (response.statusCode() != 200) {
            err.println("status: HTTP " + response.statusCode() + ": " + body.path("reason").asText(response.body()));
            return response.statusCode() == 401 ? 2 : 1;
        }
        if (id == null) {
            printList(body.path("alerts"));
        } else {
            printOne(body);
        }
        return 0;
    }

    private void printList(JsonNode alerts) {
        if (alerts.isEmpty()) {
            out.println("no alerts");
            return;
        }
        out.printf("%-24s %-17s %-9s %-20s %s%n", "ID", "STATE", "SEVERITY", "RECEIVED", "HEADLINE");
        for (JsonNode a : alerts) {
            out.printf("%-24s %-17s %-9s %-20s %s%n", a.path("id").asText(), a.path("state").asText(),
                    a.path("severity").asText("-"), shortTime(a.path("receivedAt").asText("")),
                    a.path("headline").asText(a.path("event").asText("")));
        }
    }

    private void printOne(JsonNode a) {
        out.println(a.path("id").asText() + "  " + a.path("state").asText());
        out.println("  " + a.path("headline").asText(a.path("event").asText("")));
        out.println("  sender " + a.path("sender").asText() + "  identifier " + a.path("identifier").asText()
                + "  sent " + a.path("sent").asText());
        out.println("  " + a.path("status").asText() + " " + a.path("msgType").asText() + ", "
                + a.path("severity").asText() + "/" + a.path("urgency").asText() + ", published by "
                + a.path("publisher").asText() + ", expires " + a.path("expires").asText("-"));
        JsonNode channels = a.path("channels");
        if (!channels.isEmpty()) {
            out.println();
            out.printf("  %-18s %9s %9s %9s %9s %7s %7s %9s %7s%n", "CHANNEL", "PLANNED", "SUBMITTED", "ACCEPTED",
                    "DELIVERED", "FAILED", "EXPIRED", "CANCELLED", "UNKNOWN");
            for (Iterator<Map.Entry<String, JsonNode>> it = channels.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> c = it.next();
                JsonNode n = c.getValue();
                out.printf("  %-18s %9d %9d %9d %9d %7d %7d %9d %7d%n", c.getKey(), n.path("planned").asLong(),
                        n.path("submitted").asLong(), n.path("accepted").asLong(), n.path("delivered").asLong(),
                        n.path("failed").asLong(), n.path("expired").asLong(), n.path("cancelled").asLong(),
                        n.path("unknown").asLong());
            }
        }
        JsonNode timeline = a.path("timeline");
        if (!timeline.isEmpty()) {
            out.println();
            for (JsonNode t : timeline) {
                out.printf("  %-20s %-18s %s%n", shortTime(t.path("at").asText("")), t.path("event").asText(),
                        t.path("detail").asText(""));
            }
        }
    }

    private static String shortTime(String iso) {
        return iso.length() > 19 ? iso.substring(0, 19).replace('T', ' ') : iso;
    }

    private static String stripSlash(String u) {
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
