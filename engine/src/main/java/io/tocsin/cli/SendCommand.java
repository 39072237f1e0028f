package io.tocsin.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./tocsin send FILE --url URL --key KEY [--follow]}: submits one CAP message (XML or JSON) to a running
 * engine; with {@code --follow}, shows one progress bar per channel on stderr until the alert is finished and
 * prints the per-channel summary on stdout.
 *
 * <p>Exit codes for scripts: 0 accepted (or, following, every target served), 1 refused by the engine (4xx:
 * invalid, out of scope, unauthorised), 2 usage (bad arguments, unreadable file), 3 engine unreachable or
 * unavailable (connection refused, 5xx, timeout), 4 finished with failures (failed/expired/unknown dispatches,
 * or cancelled/expired/superseded before done).
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Submit a CAP alert to a running engine; --follow shows per-channel progress until done.")
public final class SendCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;
    static final int FAILURES = 4;

    @Parameters(index = "0", paramLabel = "FILE", description = "CAP message: XML (.xml/.cap) or JSON (.json)")
    Path file;

    @Option(names = "--url", defaultValue = "${env:TOCSIN_URL:-http://127.0.0.1:8080}",
            description = "engine base URL (env TOCSIN_URL; default ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--key", defaultValue = "${env:TOCSIN_KEY}", description = "publisher key (env TOCSIN_KEY)")
    String key;

    @Option(names = "--follow", description = "show per-channel progress until the alert is finished")
    boolean follow;

    @Option(names = "--poll", defaultValue = "250ms", converter = DurationConverter.class,
            description = "how often to read progress when following (default ${DEFAULT-VALUE})")
    Duration poll;

    @Option(names = "--timeout", converter = DurationConverter.class,
            description = "give up following after this long (e.g. 10m); exit 3")
    Duration timeout;

    PrintStream out = System.out;
    PrintStream err = System.err;
    boolean interactive = System.console() != null;

    @Override
    public Integer call() {
        if (key == null || key.isBlank()) {
            err.println("send: a publisher key is needed (--key or TOCSIN_KEY)");
            return USAGE;
        }
        byte[] body;
        ApiClient api;
        try {
            body = Files.readAllBytes(file);
            api = new ApiClient(url, key);
        } catch (NoSuchFileException e) {
            err.println("send: no such file: " + file);
            return USAGE;
        } catch (IOException | IllegalArgumentException e) {
            err.println("send: " + e.getMessage());
            return USAGE;
        }
        try {
            ApiClient.Answer answer = api.post("/api/v1/alerts", body, contentType(file, body));
            if (answer.status() >= 500 || answer.status() == 429) {
                err.println("send: engine unavailable (HTTP " + answer.status() + "): " + answer.reason());
                return UNREACHABLE;
            }
            if (!answer.ok()) {
                err.println("send: refused (HTTP " + answer.status() + "): " + answer.reason());
                answer.body().path("reasons").forEach(r -> err.println("  " + r.path("path").asText("") + " "
                        + r.path("code").asText("") + " " + r.path("message").asText(r.toString())));
                return REFUSED;
            }
            String id = answer.body().path("id").asText();
            out.println(id + " " + answer.body().path("state").asText("")
                    + (answer.status() == 200 ? " (duplicate: already accepted)" : ""));
            return follow ? follow(api, id) : OK;
        } catch (IOException e) {
            err.println("send: no engine at " + url + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE;
        }
    }

    private int follow(ApiClient api, String id) throws IOException, InterruptedException {
        Instant deadline = timeout == null ? null : Instant.now().plus(timeout);
        AlertProgress progress;
        try (ChannelBars bars = new ChannelBars(err, interactive)) {
            while (true) {
                ApiClient.Answer a = api.get("/api/v1/alerts/" + ApiClient.segment(id));
                if (!a.ok()) {
                    err.println("send: cannot read " + id + " (HTTP " + a.status() + "): " + a.reason());
                    return a.status() >= 500 ? UNREACHABLE : REFUSED;
                }
                progress = AlertProgress.of(a.body());
                bars.update(progress);
                if (progress.isFinal()) {
                    break;
                }
                if (deadline != null && Instant.now().isAfter(deadline)) {
                    err.println("send: " + id + " still " + progress.state() + " after " + timeout);
                    return UNREACHABLE;
                }
                Thread.sleep(poll.toMillis()); // a poll interval, not a wait for a condition
            }
        }
        printSummary(id, progress);
        return progress.hasFailures() ? FAILURES : OK;
    }

    private void printSummary(String id, AlertProgress p) {
        out.println(id + " " + p.state());
        out.printf("  %-16s %10s %10s %8s %8s %10s %8s%n", "CHANNEL", "PLANNED", "DELIVERED", "FAILED", "EXPIRED",
                "CANCELLED", "REACHED");
        p.channels().forEach((name, c) -> out.printf("  %-16s %10d %10d %8d %8d %10d %7.1f%%%n", name, c.planned(),
                c.delivered(), c.failed(), c.expired(), c.cancelled(),
                c.planned() == 0 ? 0.0 : 100.0 * c.delivered() / c.planned()));
    }

    static String contentType(Path file, byte[] body) {
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".xml") || name.endsWith(".cap")) {
            return "application/cap+xml";
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '{' ? "application/json" : "application/cap+xml";
            }
        }
        return "application/cap+xml";
    }
}
