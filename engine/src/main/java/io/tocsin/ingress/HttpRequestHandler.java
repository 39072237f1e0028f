package io.tocsin.ingress;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.tocsin.config.ServerConfig;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One connection's HTTP/1.1 requests, one at a time: admit from the head (route, key, content type, declared
 * length), read the body into a buffer bounded by {@code maxBodyBytes} (413 as soon as it would pass the limit,
 * whatever Content-Length said), hand the whole request to its route and write the answer when the route's
 * future completes. While a request is being answered the socket is not read (back-pressure); pipelined
 * messages already decoded wait in a small queue. A refused request closes the connection after the answer,
 * so an unread body is never buffered. One instance per connection; runs on its event loop.
 */
final class HttpRequestHandler extends ChannelInboundHandlerAdapter {

    private static final int MAX_QUEUED = 64;

    private final Router router;
    private final ServerConfig config;
    private final ConnectionGuard guard;
    private final ArrayDeque<Object> queued = new ArrayDeque<>();
    private Router.Admission admission;
    private RequestHead head;
    private Map<String, List<String>> query = Map.of();
    private boolean keepAlive;
    private ByteBuf body;
    private boolean busy;
    private boolean refused;

    HttpRequestHandler(Router router, ServerConfig config, ConnectionGuard guard) {
        this.router = router;
        this.config = config;
        this.guard = guard;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (busy) {
            if (refused || queued.size() >= MAX_QUEUED) {
                ReferenceCountUtil.release(msg);
                refused = true;
                return;
            }
            queued.add(msg);
            return;
        }
        try {
            handle(ctx, msg);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void handle(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            return;
        }
        if (msg instanceof HttpRequest request) {
            onHead(ctx, request);
        }
        if (msg instanceof HttpContent content && admission != null) {
            onContent(ctx, content);
        }
    }

    private void onHead(ChannelHandlerContext ctx, HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            refuse(ctx, badRequest(result.cause()));
            return;
        }
        if (request.headers().size() > config.maxHeaderCount()) {
            refuse(ctx, ApiResponse.reason(431, "more than " + config.maxHeaderCount() + " headers"));
            return;
        }
        keepAlive = HttpUtil.isKeepAlive(request);
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path;
        try {
            // Decoding throws on a malformed %-escape ("/h%alth", "?a=%zz"): answer 400, never close silently.
            path = uri.path();
            query = uri.rawQuery().isEmpty() ? Map.of() : new QueryStringDecoder(uri.rawQuery(), false).parameters();
        } catch (IllegalArgumentException e) {
            refuse(ctx, ApiResponse.reason(400, "malformed request URI: " + e.getMessage()));
            return;
        }
        long declared = HttpUtil.getContentLength(request, -1L);
        head = new RequestHead(request.method().name(), path, uri.rawQuery(),
                request.headers().get(HttpHeaderNames.CONTENT_TYPE), declared,
                bearer(request.headers().get(HttpHeaderNames.AUTHORIZATION)));
        Router.Admission a = router.admit(head);
        if (a.refusal() != null) {
            refuse(ctx, a.refusal());
            return;
        }
        if (declared > config.maxBodyBytes()) {
            refuse(ctx, tooLarge());
            return;
        }
        if (HttpUtil.is100ContinueExpected(request)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER));
        }
        admission = a;
        int initial = (int) Math.min(declared >= 0 ? declared : 1024, config.maxBodyBytes());
        body = ctx.alloc().heapBuffer(Math.max(initial, 0));
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent content) {
        DecoderResult result = content.decoderResult();
        if (result.isFailure()) {
            refuse(ctx, badRequest(result.cause()));
            return;
        }
        ByteBuf data = content.content();
        if ((long) body.readableBytes() + data.readableBytes() > config.maxBodyBytes()) {
            refuse(ctx, tooLarge());
            return;
        }
        body.writeBytes(data);
        if (content instanceof LastHttpContent) {
            dispatch(ctx);
        }
    }

    private void dispatch(ChannelHandlerContext ctx) {
        guard.requestReceived();
        byte[] bytes = ByteBufUtil.getBytes(body);
        releaseBody();
        Router.Admission a = admission;
        admission = null;
        ApiRequest request = new ApiRequest(head, a.params(), query, bytes, a.caller());
        if (a.route() instanceof StreamRoute stream) {
            // The connection now belongs to the stream: anything the client sends later is dropped.
            busy = true;
            refused = true;
            stream.open(request, ctx.channel());
            return;
        }
        busy = true;
        ctx.channel().config().setAutoRead(false);
        CompletableFuture<ApiResponse> answer;
        try {
            answer = a.route().handle(request);
        } catch (RuntimeException e) {
            answer = CompletableFuture.completedFuture(ApiResponse.reason(500, "internal error"));
        }
        boolean keep = keepAlive;
        answer.whenComplete((response, error) -> {
            ApiResponse r = error != null ? ApiResponse.reason(500, "internal error") : response;
            if (ctx.executor().inEventLoop()) {
                respond(ctx, r, keep);
            } else {
                ctx.executor().execute(() -> respond(ctx, r, keep));
            }
        });
    }

    private void respond(ChannelHandlerContext ctx, ApiResponse r, boolean keep) {
        if (!ctx.channel().isActive()) {
            return;
        }
        boolean close = !keep || r.close() || refused;
        ctx.writeAndFlush(toNetty(r, close)).addListener((ChannelFutureListener) f -> {
            if (close || !f.isSuccess()) {
                ctx.close();
                return;
            }
            busy = false;
            guard.responseSent(ctx);
            drainQueued(ctx);
            if (!busy) {
                ctx.channel().config().setAutoRead(true);
            }
        });
    }

    private void drainQueued(ChannelHandlerContext ctx) {
        while (!busy && !queued.isEmpty()) {
            Object msg = queued.poll();
            try {
                handle(ctx, msg);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    /** Answer now and close: whatever body follows is never read. */
    private void refuse(ChannelHandlerContext ctx, ApiResponse response) {
        refused = true;
        admission = null;
        releaseBody();
        guard.requestReceived();
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(toNetty(response, true)).addListener(f -> {
            if (f.isSuccess()) {
                guard.lingerAndClose();
            } else {
                ctx.close();
            }
        });
    }

    private ApiResponse tooLarge() {
        return ApiResponse.reason(413, "body larger than " + config.maxBodyBytes() + " bytes");
    }

    private static ApiResponse badRequest(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return ApiResponse.reason(414, "request line too long");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return ApiResponse.reason(431, "request headers too large");
        }
        if (cause instanceof TooLongFrameException) {
            return ApiResponse.reason(413, "request part too large");
        }
        return ApiResponse.reason(400, "malformed HTTP request");
    }

    private static String bearer(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = authorization.substring(7).trim();
        return key.isEmpty() ? null : key;
    }

    static FullHttpResponse toNetty(ApiResponse r, boolean close) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(r.status()), Unpooled.wrappedBuffer(r.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        r.headers().forEach((k, v) -> response.headers().set(k, v));
        response.headers().set(HttpHeaderNames.CONNECTION, close ? HttpHeaderValues.CLOSE : HttpHeaderValues.KEEP_ALIVE);
        return response;
    }

    private void releaseBody() {
        if (body != null) {
            body.release();
            body = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseBody();
        queued.forEach(ReferenceCountUtil::release);
        queued.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
