package io.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./tocsin report ID --url URL --key KEY [--json|--html]}: the after-action report of one alert from a
 * running engine. {@code --json}/{@code --html} print the engine's report ({@code GET /api/v1/alerts/{id}/report})
 * when it serves one, else the ledger's view; the text form is the ledger's view: identity, state, per-channel
 * counters with the share reached, and the timeline. Text on stdout by default; {@code --json} the API's
 * document; {@code --html} a self-contained page. Exit 0 shown, 1 refused or not found, 2 usage, 3 unreachable.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print an alert's after-action report (counters per channel and timeline).")
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "alert id (as answered by send / status)")
    String id;

    @Option(names = "--url", defaultValue = "${env:TOCSIN_URL:-http://127.0.0.1:8080}",
            description = "engine base URL (env TOCSIN_URL; default ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--key", defaultValue = "${env:TOCSIN_KEY}", description = "operator or publisher key (env TOCSIN_KEY)")
    String key;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "JSON") boolean json;
        @Option(names = "--html", description = "a self-contained HTML page") boolean html;
    }

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        if (key == null || key.isBlank()) {
            err.println("report: a key is needed (--key or TOCSIN_KEY)");
            return SendCommand.USAGE;
        }
        ApiClient.Answer a;
        ApiClient.Answer full = null;
        try {
            ApiClient api = new ApiClient(url, key);
            if (format.json || format.html) {
                // The engine's after-action report (latencies, reach, blind spots) when it serves one.
                full = api.get("/api/v1/alerts/" + ApiClient.segment(id) + "/report" + (format.html ? "?format=html" : ""));
            }
            a = api.get("/api/v1/alerts/" + ApiClient.segment(id));
        } catch (IllegalArgumentException e) {
            err.println("report: " + e.getMessage());
            return SendCommand.USAGE;
        } catch (IOException e) {
            err.println("report: no engine at " + url + " (" + e.getClass().getSimpleName() + ")");
            return SendCommand.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendCommand.UNREACHABLE;
        }
        if (a.status() >= 500) {
            err.println("report: engine unavailable (HTTP " + a.status() + "): " + a.reason());
            return SendCommand.UNREACHABLE;
        }
        if (!a.ok()) {
            err.println("report: HTTP " + a.status() + ": " + a.reason());
            return SendCommand.REFUSED;
        }
        if (full != null && full.status() == 200) {
            out.println(format.json ? prettyOrRaw(full) : full.raw());
            return SendCommand.OK;
        }
        if (format.json) {
            try {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(a.body()));
            } catch (IOException e) {
                out.println(a.raw());
            }
        } else if (format.html) {
            out.print(ReportHtml.render(a.body()));
        } else {
            text(a.body());
        }
        return SendCommand.OK;
    }

    private void text(JsonNode alert) {
        AlertProgress p = AlertProgress.of(alert);
        out.println("After-action report " + alert.path("id").asText() + " — " + p.state());
        out.println("  " + alert.path("headline").asText(alert.path("event").asText("")));
        out.println("  " + alert.path("status").asText() + " " + alert.path("msgType").asText() + "  "
                + alert.path("severity").asText() + "/" + alert.path("urgency").asText() + "  from "
                + alert.path("sender").asText() + " (" + alert.path("identifier").asText() + ", sent "
                + alert.path("sent").asText() + ")");
        out.println("  received " + alert.path("receivedAt").asText("-") + ", expires "
                + alert.path("expires").asText("-") + ", publisher " + alert.path("publisher").asText("-"));
        out.println();
        out.printf("  %-16s %10s %10s %8s %8s %10s %8s %8s%n", "CHANNEL", "PLANNED", "DELIVERED", "FAILED",
                "EXPIRED", "CANCELLED", "UNKNOWN", "REACHED");
        long planned = 0;
        long delivered = 0;
        for (var e : p.channels().entrySet()) {
            AlertProgress.Channel c = e.getValue();
            planned += c.planned();
            delivered += c.delivered();
            out.printf("  %-16s %10d %10d %8d %8d %10d %8d %7.1f%%%n", e.getKey(), c.planned(), c.delivered(),
                    c.failed(), c.expired(), c.cancelled(), c.unknown(), share(c.delivered(), c.planned()));
        }
        out.printf("  %-16s %10d %10d %47.1f%%%n", "TOTAL", planned, delivered, share(delivered, planned));
        out.println();
        out.println("  Timeline");
        for (JsonNode t : alert.path("timeline")) {
            out.printf("  %-30s %-20s %s%n", t.path("at").asText(""), t.path("event").asText(""),
                    t.path("detail").asText(""));
        }
    }

    private static String prettyOrRaw(ApiClient.Answer a) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(a.body());
        } catch (IOException e) {
            return a.raw();
        }
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0.0 : 100.0 * part / whole;
    }
}
