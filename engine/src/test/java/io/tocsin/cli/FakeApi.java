package io.tocsin.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted stand-in for the engine's HTTP API for CLI tests (JDK HttpServer, ephemeral port): answers the
 * submit with a fixed status and body, then serves the listed alert documents one per GET (the last repeats).
 */
final class FakeApi implements AutoCloseable {

    final HttpServer server;
    final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();
    private final List<String> progress = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile int submitStatus = 202;
    private volatile String submitBody = "{\"id\":\"tx-000001\",\"state\":\"ACTIVE\"}";

    FakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/alerts", this::handle);
        server.start();
    }

    FakeApi submitAnswers(int status, String body) {
        submitStatus = status;
        submitBody = body;
        return this;
    }

    FakeApi thenProgress(String... documents) {
        progress.addAll(List.of(documents));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(x.getRequestMethod() + " " + x.getRequestURI() + " " + x.getRequestHeaders().getFirst("Authorization")
                + " " + x.getRequestHeaders().getFirst("Content-Type") + " " + body.length());
        if (x.getRequestURI().getPath().endsWith("/report")) {
            reply(x, 404, "{\"reason\":\"no such resource\"}");
        } else if (x.getRequestMethod().equals("POST")) {
            reply(x, submitStatus, submitBody);
        } else {
            int i = Math.min(reads.getAndIncrement(), progress.size() - 1);
            reply(x, 200, progress.get(i));
        }
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    static String alert(String state, long planned, long delivered, long failed, long cancelled) {
        return "{\"id\":\"tx-000001\",\"state\":\"" + state + "\",\"headline\":\"台风红色预警\",\"status\":\"Actual\","
                + "\"msgType\":\"Alert\",\"channels\":{\"SMS\":{\"planned\":" + planned + ",\"submitted\":0,"
                + "\"accepted\":0,\"delivered\":" + delivered + ",\"failed\":" + failed + ",\"expired\":0,"
                + "\"cancelled\":" + cancelled + ",\"unknown\":0},\"CELL_BROADCAST\":{\"planned\":2,\"delivered\":"
                + (delivered > 0 ? 2 : 0) + "}},\"timeline\":[{\"at\":\"2026-11-29T01:30:00Z\",\"event\":\"ACCEPTED\","
                + "\"detail\":\"journaled <ok>\"}]}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
