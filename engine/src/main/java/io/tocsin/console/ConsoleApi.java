package io.tocsin.console;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.tocsin.cap.Alert;
import io.tocsin.cap.Scope;
import io.tocsin.cap.Status;
import io.tocsin.ingress.Access;
import io.tocsin.ingress.ApiRequest;
import io.tocsin.ingress.ApiResponse;
import io.tocsin.ingress.Route;
import io.tocsin.ingress.SimpleRoute;
import io.tocsin.ingress.StreamRoute;
import io.tocsin.ledger.LedgerView;
import io.tocsin.pipeline.Submission;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's endpoints as routes of the engine's HTTP server ({@code io.tocsin.ingress.Router}):
 *
 * <pre>
 *   GET  /                        public    302 → /console/
 *   GET  /console, /console/{f}   public    the operator page (static; strict CSP; nothing external)
 *   POST /api/v1/session          operator  {token, operator, expiresAt}: a 60 s token for the event stream
 *   GET  /api/v1/events           token     text/event-stream (?token= from /session, or Bearer operator key)
 *   GET  /api/v1/geography        public    simplified region outlines for the map
 *   GET  /api/v1/alerts/{id}/cap  public*   CAP XML (*Actual+Public alerts; others need an operator key)
 *   GET  /feed.atom               public    Atom feed of active public alerts
 *   GET  /metrics                 public    Prometheus text format
 * </pre>
 *
 * Thread-safe; every handler answers from in-memory snapshots without blocking.
 */
public final class ConsoleApi {

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
    private volatile String publicBaseUrl;
    private final StaticResources files = new StaticResources();

    public ConsoleApi(LedgerView ledger, EventHub events, AtomFeed feed, Metrics metrics, Geography geography,
                      SessionTokens sessions, OperatorAuthenticator operators, String publicBaseUrl) {
        this.ledger = ledger;
        this.events = events;
        this.feed = feed;
        this.metrics = metrics;
        this.geography = geography;
        this.sessions = sessions;
        this.operators = operators;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The absolute base for feed links, e.g. {@code http://alerts.example.org:8080} (no trailing slash). */
    public void publicBaseUrl(String base) {
        this.publicBaseUrl = base;
    }

    public List<Route> routes() {
        return List.of(
                SimpleRoute.immediate("GET", "/", Access.PUBLIC, r -> redirect()),
                SimpleRoute.immediate("GET", "/console", Access.PUBLIC, r -> file("index.html")),
                SimpleRoute.immediate("GET", "/console/{file}", Access.PUBLIC, r -> file(r.pathParam("file"))),
                SimpleRoute.immediate("POST", "/api/v1/session", Access.OPERATOR,
                        r -> ApiResponse.json(200, sessions.issue(r.caller().name())).withHeader("Cache-Control", "no-store")),
                SimpleRoute.immediate("GET", "/api/v1/geography", Access.PUBLIC,
                        r -> text(200, "application/json; charset=utf-8", geography.json()).withHeader("Cache-Control", "max-age=300")),
                SimpleRoute.immediate("GET", "/api/v1/alerts/{id}/cap", Access.PUBLIC, this::cap),
                SimpleRoute.immediate("GET", "/feed.atom", Access.PUBLIC,
                        r -> text(200, "application/atom+xml; charset=utf-8", feed.render(baseUrl(r)))),
                SimpleRoute.immediate("GET", "/metrics", Access.PUBLIC,
                        r -> text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape())),
                new EventsRoute());
    }

    private static ApiResponse redirect() {
        return new ApiResponse(302, "text/plain; charset=utf-8", new byte[0], Map.of("Location", "/console/"), false);
    }

    private ApiResponse file(String name) {
        return files.get(name == null || name.isEmpty() ? "index.html" : name)
                .map(f -> new ApiResponse(200, f.contentType(), f.body(), Map.of("Content-Security-Policy", CSP,
                        "X-Frame-Options", "DENY", "X-Content-Type-Options", "nosniff", "Cache-Control", "no-cache",
                        "Referrer-Policy", "no-referrer"), false))
                .orElseGet(() -> ApiResponse.reason(404, "no such console file"));
    }

    private ApiResponse cap(ApiRequest r) {
        String id = r.pathParam("id");
        Optional<Submission> s = ledger.submission(id);
        if (s.isEmpty()) {
            return ApiResponse.reason(404, "no CAP kept for alert " + id);
        }
        Alert alert = s.get().alert();
        boolean isPublic = alert.statusValue() == Status.Actual && alert.scopeValue() == Scope.Public;
        String key = r.head().bearerKey();
        if (!isPublic && (key == null || operators.operator(key).isEmpty())) {
            return ApiResponse.reason(404, "no CAP kept for alert " + id);
        }
        return CapEmbedding.alertElement(s.get().raw(), s.get().contentType())
                .map(xml -> text(200, AtomFeed.CAP_MEDIA_TYPE + "; charset=utf-8",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml + "\n"))
                .orElseGet(() -> ApiResponse.reason(404, "alert " + id + " was not received as CAP XML"));
    }

    private String baseUrl(ApiRequest r) {
        return publicBaseUrl != null ? publicBaseUrl : "http://localhost";
    }

    private static ApiResponse text(int status, String type, String body) {
        return new ApiResponse(status, type, body.getBytes(StandardCharsets.UTF_8), Map.of(), false);
    }

    /** {@code GET /api/v1/events}: authenticates by session token or operator key, then streams. */
    private final class EventsRoute implements StreamRoute {
        @Override
        public String method() {
            return "GET";
        }

        @Override
        public String pattern() {
            return "/api/v1/events";
        }

        @Override
        public Access access() {
            return Access.PUBLIC; // checked in open(): EventSource cannot send a Bearer header
        }

        @Override
        public void open(ApiRequest request, Channel channel) {
            String token = request.queryParam("token", null);
            String key = request.head().bearerKey();
            Optional<String> operator = token != null ? sessions.operator(token)
                    : key != null ? operators.operator(key) : Optional.empty();
            if (operator.isEmpty()) {
                byte[] body = "{\"reason\":\"operator key or session token required\"}".getBytes(StandardCharsets.UTF_8);
                FullHttpResponse refusal = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.UNAUTHORIZED, Unpooled.wrappedBuffer(body));
                refusal.headers().set(HttpHeaderNames.CONTENT_TYPE, ApiResponse.JSON);
                refusal.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                refusal.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                channel.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            head.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            head.headers().set("X-Accel-Buffering", "no");
            channel.config().setAutoRead(true); // notice when the browser goes away
            channel.writeAndFlush(head);
            SseChannelSubscriber subscriber = new SseChannelSubscriber(channel, SSE_BUFFER_BYTES);
            channel.closeFuture().addListener(f -> events.unsubscribe(subscriber));
            events.subscribe(subscriber);
        }
    }
}
