package io.tocsin.sim.cbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP front end of a simulated CBC, speaking osmo-cbc's ECBE REST API on loopback:
 *
 * <pre>
 *   POST   /api/ecbe/v1/message               201 Created | 409 Could not allocate | 400 reason
 *   DELETE /api/ecbe/v1/message/{message_id}  200 OK | 404 Unknown message ID | 400
 * </pre>
 *
 * Plain-text answers as osmo-cbc gives them; when the request carried the Tocsin extension
 * {@code x_tocsin_cells}, the 201 answer is JSON {@code {"message_id":..,"cells_installed":n,"cells_failed":[..]}}.
 * Can be stopped (connection refused) and started again on the same port. Thread-safe.
 */
public final class CbcEndpoint implements AutoCloseable {

    private static final String PREFIX = "/api/ecbe/v1/message";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CbcSimulator owner;
    private final String name;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<HttpExchange> held = new ConcurrentLinkedQueue<>();
    private volatile HttpServer server;
    private volatile int port;

    CbcEndpoint(CbcSimulator owner, String name, ExecutorService executor) {
        this.owner = owner;
        this.name = name;
        this.executor = executor;
    }

    public String name() {
        return name;
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234} (the API lives under /api/ecbe/v1). */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean running() {
        return server != null;
    }

    /** Binds (port 0 = ephemeral on first start; the same port again after {@link #stop()}). */
    public synchronized CbcEndpoint start() {
        if (server != null) {
            return this;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
            s.createContext(PREFIX, this::handle);
            s.setExecutor(executor);
            s.start();
            port = s.getAddress().getPort();
            server = s;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind CBC endpoint " + name + " on port " + port, e);
        }
    }

    /** Takes this endpoint down: new connections are refused, held requests are dropped. */
    public synchronized void stop() {
        HttpServer s = server;
        server = null;
        if (s != null) {
            s.stop(0);
        }
        HttpExchange e;
        while ((e = held.poll()) != null) {
            e.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readAllBytes();
            CbcFaults faults = owner.faults();
            int failure = faults.takeFailure();
            if (failure != 0) {
                owner.counters().faultsInjected.incrementAndGet();
                respond(ex, failure, "text/plain", "Injected failure");
                return;
            }
            int noReply = faults.takeNoReply();
            if (noReply != 0) {
                owner.counters().faultsInjected.incrementAndGet();
                if (noReply == 2) {
                    route(ex, body, true);
                }
                held.add(ex);
                return;
            }
            route(ex, body, false);
        }
    }

    private void route(HttpExchange ex, byte[] body, boolean silent) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if ("POST".equals(method) && (path.equals(PREFIX) || path.equals(PREFIX + "/"))) {
            post(ex, body, silent);
        } else if ("DELETE".equals(method) && path.startsWith(PREFIX + "/")) {
            delete(ex, path.substring(PREFIX.length() + 1), silent);
        } else if (!silent) {
            respond(ex, 404, "text/plain", "Not Found");
        }
    }

    private void post(HttpExchange ex, byte[] body, boolean silent) throws IOException {
        owner.postArrivals().record();
        CbcCounters c = owner.counters();
        c.posts.incrementAndGet();
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            c.badRequests.incrementAndGet();
            reply(ex, silent, 400, "text/plain", "REST: No JSON Body");
            return;
        }
        EcbeValidator.Result r = owner.validator().validate(body);
        if (!r.ok()) {
            c.badRequests.incrementAndGet();
            owner.lastError(r.error());
            reply(ex, silent, 400, "text/plain", r.error());
            return;
        }
        CbcStore.Applied applied = owner.store().apply(r.message(), owner.faults().failingCells());
        switch (applied.outcome()) {
            case CONFLICT:
                c.conflicts.incrementAndGet();
                reply(ex, silent, 409, "text/plain", "Could not allocate");
                return;
            case REPLACED:
                c.replaced.incrementAndGet();
                break;
            default:
                c.created.incrementAndGet();
        }
        if (r.message().cells().isEmpty()) {
            reply(ex, silent, 201, "text/plain", "Created");
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("message_id", r.message().messageId());
        out.put("cells_installed", applied.installed());
        out.putPOJO("cells_failed", applied.failedCells());
        reply(ex, silent, 201, "application/json", JSON.writeValueAsString(out));
    }

    private void delete(HttpExchange ex, String idText, boolean silent) throws IOException {
        owner.deleteArrivals().record();
        CbcCounters c = owner.counters();
        c.deletes.incrementAndGet();
        int id;
        try {
            id = Integer.parseInt(idText);
        } catch (NumberFormatException e) {
            id = -1;
        }
        if (id < 0 || id > 65535) {
            reply(ex, silent, 400, "text/plain", "");
            return;
        }
        if (owner.store().delete(id)) {
            c.deleted.incrementAndGet();
            reply(ex, silent, 200, "text/plain", "OK");
        } else {
            c.notFound.incrementAndGet();
            reply(ex, silent, 404, "text/plain", "Unknown message ID");
        }
    }

    private void reply(HttpExchange ex, boolean silent, int status, String type, String text) throws IOException {
        if (!silent) {
            respond(ex, status, type, text);
        }
    }

    private void respond(HttpExchange ex, int status, String type, String text) throws IOException {
        long delay = owner.faults().latencyNanos();
        if (delay > 0) {
            owner.scheduler().schedule(() -> {
                write(ex, status, type, text);
                return null;
            }, delay, TimeUnit.NANOSECONDS);
            return;
        }
        write(ex, status, type, text);
    }

    private static void write(HttpExchange ex, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

}
