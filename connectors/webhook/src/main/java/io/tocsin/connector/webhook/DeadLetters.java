package io.tocsin.connector.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The record of deliveries given up on: one JSON line per (dispatch, endpoint) in
 * {@code <deadLetterDir>/<connector>.jsonl}, with the body so an operator can replay it by hand.
 * Thread-safe (appends are serialised).
 */
final class DeadLetters {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private long count;

    DeadLetters(Path dir, String connector) {
        this.file = dir.resolve(connector + ".jsonl");
    }

    synchronized void record(long dispatchId, String alertId, WebhookEndpoint endpoint, int attempts, String lastError,
            byte[] body, Instant at) {
        ObjectNode line = JSON.createObjectNode()
                .put("at", at.toString())
                .put("dispatchId", dispatchId)
                .put("alertId", alertId)
                .put("endpoint", endpoint.name())
                .put("url", endpoint.url().toString())
                .put("attempts", attempts)
                .put("lastError", lastError)
                .put("body", new String(body, StandardCharsets.UTF_8));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The receipt still says FAILED with the reason; the file is a convenience for operators.
            System.err.println("webhook: cannot write dead letter to " + file + ": " + e.getMessage());
        }
        count++;
    }

    synchronized long count() { return count; }

    Path file() { return file; }
}
