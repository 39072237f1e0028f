package io.tocsin.console;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.tocsin.cap.Alert;
import io.tocsin.cap.Scope;
import io.tocsin.cap.Status;
import io.tocsin.ingress.RawRoutes;
import io.tocsin.ledger.LedgerView;
import io.tocsin.pipeline.Submission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's HTTP routes, for the engine's Netty server to mount in front of (or inside) its router:
 *
 * <pre>
 *   GET  /                          → 302 /console/
 *   GET  /console/, /console/{file} → the operator page (static, no external resources)
 *   POST /api/v1/session            → Bearer operator key → {token, operator, expiresAt} for the event stream
 *   GET  /api/v1/events             → text/event-stream (Bearer key, or ?token= from /session)
 *   GET  /api/v1/geography          → simplified region outlines for the map
 *   GET  /api/v1/alerts/{id}/cap    → the alert as CAP XML (public for Actual+Public alerts, else operators)
 *   GET  /api/v1/alerts/{id}/coverage → operators: the map's blind-spot overlay ({@link CoverageOverlay})
 *   GET  /feed.atom                 → Atom feed of active public alerts
 *   GET  /metrics                   → Prometheus text format
 * </pre>
 *
 * <p>The one way to mount the console: as the engine server's {@link RawRoutes} ({@code new IngressServer(config,
 * router, console.routes())}, which {@code EngineHost} does). {@link #handle} answers the request and returns
 * true when the path is the console's, else returns false and touches nothing. It never releases the request
 * (the caller owns it). Thread-safe; called on Netty event loops, never blocks (every answer is built from
 * in-memory snapshots).
 */
public final class ConsoleRoutes implements RawRoutes {

    private static final Pattern CAP_PATH = Pattern.compile("/api/v1/alerts/([^/]+)/cap");
    private static final Pattern COVERAGE_PATH = Pattern.compile("/api/v1/alerts/([^/]+)/coverage");
    private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9.\\-:\\[\\]]{1,255}");
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    private static final long SSE_BUFFER_BYTES = 1 << 20;

    private final LedgerView ledger;
    private final EventHub events;
    private final AtomFeed feed;
    private final Metrics metrics;
    private final Geography geography;
    private final SessionTokens sessions;
    private final OperatorAuthenticator operators;
    private final String publicBaseUrl;
    private final CoverageOverlay coverage;
    private final StaticResources files = new StaticResources();

    /** @param publicBaseUrl absolute base for feed links (e.g. {@code https://alerts.example.org}); null: from Host */
    public ConsoleRoutes(LedgerView ledger, EventHub events, AtomFeed feed, Metrics metrics, Geography geography,
                         SessionTokens sessions, OperatorAuthenticator operators, String publicBaseUrl,
                         CoverageOverlay coverage) {
        this.coverage = coverage;
        this.ledger = ledger;
        this.events = events;
        this.feed = feed;
        this.metrics = metrics;
        this.geography = geography;
        this.sessions = sessions;
        this.operators = operators;
        this.publicBaseUrl = publicBaseUrl == null ? null : publicBaseUrl.replaceAll("/+$", "");
    }

    @Override
    public boolean owns(String path) {
        return isConsolePath(path);
    }

    @Override
    public boolean streams(String path) {
        return "/api/v1/events".equals(path);
    }

    @Override
    public void handle(ChannelHandlerContext ctx, FullHttpRequest req) {
        answer(ctx, req);
    }

    /** True when {@code path} (without query) is one of the console's routes. */
    public static boolean isConsolePath(String path) {
        return path.equals("/") || path.equals("/console") || path.startsWith("/console/")
                || path.equals("/feed.atom") || path.equals("/metrics") || path.equals("/api/v1/session")
                || path.equals("/api/v1/events") || path.equals("/api/v1/geography")
                || CAP_PATH.matcher(path).matches() || COVERAGE_PATH.matcher(path).matches();
    }

    /** Answers a console request; returns false, touching nothing, when the path is not the console's. */
    public boolean answer(ChannelHandlerContext ctx, FullHttpRequest req) {
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        String path = uri.path();
        if (!isConsolePath(path)) {
            return false;
        }
        HttpMethod method = req.method();
        boolean get = method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);
        if (path.equals("/api/v1/session")) {
            if (!method.equals(HttpMethod.POST)) {
                HttpReplies.error(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, "use POST");
            } else {
                session(ctx, req);
            }
            return true;
        }
        if (!get) {
            HttpReplies.error(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET");
            return true;
        }
        Matcher cap = CAP_PATH.matcher(path);
        Matcher overlay = COVERAGE_PATH.matcher(path);
        if (path.equals("/") || path.equals("/console")) {
            HttpReplies.send(ctx, req, HttpResponseStatus.FOUND, "text/plain; charset=utf-8", new byte[0],
                    Map.of("Location", "/console/"));
        } else if (path.startsWith("/console/")) {
            file(ctx, req, path.substring("/console/".length()));
        } else if (path.equals("/feed.atom")) {
            HttpReplies.send(ctx, req, HttpResponseStatus.OK, "application/atom+xml; charset=utf-8",
                    feed.render(baseUrl(req)).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Map.of("Cache-Control", "max-age=30"));
        } else if (path.equals("/metrics")) {
            HttpReplies.text(ctx, req, HttpResponseStatus.OK, "text/plain; version=0.0.4; charset=utf-8",
                    metrics.scrape());
        } else if (path.equals("/api/v1/geography")) {
            HttpReplies.send(ctx, req, HttpResponseStatus.OK, "application/json; charset=utf-8",
                    geography.json().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Map.of("Cache-Control", "max-age=300"));
        } else if (path.equals("/api/v1/events")) {
            events(ctx, req, uri);
        } else if (cap.matches()) {
            cap(ctx, req, QueryStringDecoder.decodeComponent(cap.group(1)));
        } else if (overlay.matches()) {
            coverage(ctx, req, QueryStringDecoder.decodeComponent(overlay.group(1)));
        }
        return true;
    }

    private void file(ChannelHandlerContext ctx, FullHttpRequest req, String name) {
        Optional<StaticResources.Resource> r = files.get(name.isEmpty() ? "index.html" : name);
        if (r.isEmpty()) {
            HttpReplies.error(ctx, req, HttpResponseStatus.NOT_FOUND, "no such console file");
            return;
        }
        HttpReplies.send(ctx, req, HttpResponseStatus.OK, r.get().contentType(), r.get().body(),
                Map.of("Content-Security-Policy", CSP, "X-Frame-Options", "DENY", "Cache-Control", "no-cache"));
    }

    private void session(ChannelHandlerContext ctx, FullHttpRequest req) {
        Optional<String> operator = bearer(req).flatMap(operators::operator);
        if (operator.isEmpty()) {
            HttpReplies.send(ctx, req, HttpResponseStatus.UNAUTHORIZED, "application/json; charset=utf-8",
                    ConsoleJson.write(Map.of("error", "Unauthorized", "message", "unknown operator key"))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Map.of("WWW-Authenticate", "Bearer realm=\"tocsin\"", "Cache-Control", "no-store"));
            return;
        }
        HttpReplies.json(ctx, req, HttpResponseStatus.OK, sessions.issue(operator.get()));
    }

    private void events(ChannelHandlerContext ctx, FullHttpRequest req, QueryStringDecoder uri) {
        List<String> token = uri.parameters().get("token");
        Optional<String> operator = token != null && !token.isEmpty()
                ? sessions.operator(token.get(0))
                : bearer(req).flatMap(operators::operator);
        if (operator.isEmpty()) {
            HttpReplies.error(ctx, req, HttpResponseStatus.UNAUTHORIZED, "operator key or session token required");
            return;
        }
        HttpResponse res = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        res.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        res.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        res.headers().set("X-Accel-Buffering", "no");
        ctx.writeAndFlush(res);
        SseChannelSubscriber subscriber = new SseChannelSubscriber(ctx.channel(), SSE_BUFFER_BYTES);
        ctx.channel().closeFuture().addListener(f -> events.unsubscribe(subscriber));
        events.subscribe(subscriber);
    }

    private void cap(ChannelHandlerContext ctx, FullHttpRequest req, String id) {
        Optional<Submission> submission = ledger.submission(id);
        if (submission.isEmpty()) {
            HttpReplies.error(ctx, req, HttpResponseStatus.NOT_FOUND, "no alert " + id);
            return;
        }
        Alert alert = submission.get().alert();
        boolean publicAlert = alert.statusValue() == Status.Actual && alert.scopeValue() == Scope.Public;
        if (!publicAlert && bearer(req).flatMap(operators::operator).isEmpty()) {
            HttpReplies.error(ctx, req, HttpResponseStatus.NOT_FOUND, "no alert " + id);
            return;
        }
        Optional<String> xml = CapEmbedding.alertElement(submission.get().raw(), submission.get().contentType());
        if (xml.isEmpty()) {
            HttpReplies.error(ctx, req, HttpResponseStatus.NOT_FOUND, "alert " + id + " was not received as CAP XML");
            return;
        }
        HttpReplies.text(ctx, req, HttpResponseStatus.OK, AtomFeed.CAP_MEDIA_TYPE + "; charset=utf-8",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml.get() + "\n");
    }

    /** Answered when the estimate is ready (off the event loop), so only the request's head is kept. */
    private void coverage(ChannelHandlerContext ctx, FullHttpRequest req, String id) {
        if (bearer(req).flatMap(operators::operator).isEmpty()) {
            HttpReplies.error(ctx, req, HttpResponseStatus.UNAUTHORIZED, "operator key required");
            return;
        }
        HttpRequest head = new DefaultHttpRequest(req.protocolVersion(), req.method(), req.uri(), req.headers().copy());
        coverage.json(id).whenComplete((json, failure) -> {
            if (failure != null || json == null) {
                HttpReplies.error(ctx, head, HttpResponseStatus.SERVICE_UNAVAILABLE, "coverage estimate failed: "
                        + (failure == null ? "no answer" : failure.getMessage()));
            } else if (json.isEmpty()) {
                HttpReplies.error(ctx, head, HttpResponseStatus.NOT_FOUND, "no coverage estimate for alert " + id
                        + " (unknown alert, no area, or no geography)");
            } else {
                HttpReplies.send(ctx, head, HttpResponseStatus.OK, "application/json; charset=utf-8",
                        json.get().getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("Cache-Control", "no-store"));
            }
        });
    }

    private String baseUrl(FullHttpRequest req) {
        if (publicBaseUrl != null) {
            return publicBaseUrl;
        }
        String host = req.headers().get(HttpHeaderNames.HOST);
        return "http://" + (host != null && SAFE_HOST.matcher(host).matches() ? host : "localhost");
    }

    private static Optional<String> bearer(FullHttpRequest req) {
        String h = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String key = h.substring(7).trim();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }
}
