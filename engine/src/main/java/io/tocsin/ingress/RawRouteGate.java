package io.tocsin.ingress;

import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

/**
 * Sits between the HTTP codec and the API handler. A request whose path {@link RawRoutes} owns is collected
 * here (bodies of at most {@value #MAX_BODY} bytes; larger ones get 413) and answered by them; every other
 * request passes through untouched. The connection guard's timers follow the request as for the API, except
 * that an event stream is never cut by the idle timer.
 *
 * <p>One instance per connection, on its event loop.
 */
final class RawRouteGate extends ChannelInboundHandlerAdapter {
    static final int MAX_BODY = 64 * 1024;

    private final RawRoutes routes;
    private final ConnectionGuard guard;
    private HttpRequest head;
    private CompositeByteBuf body;
    private boolean passing;
    private boolean tooLarge;

    RawRouteGate(RawRoutes routes, ConnectionGuard guard) {
        this.routes = routes;
        this.guard = guard;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            String path = pathOrNull(request.uri());
            // A malformed URI is not ours: the API handler behind answers it with 400.
            passing = request.decoderResult().isFailure() || path == null || !routes.owns(path);
            if (!passing) {
                head = request;
                body = ctx.alloc().compositeBuffer();
                tooLarge = false;
            }
        }
        if (passing) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (msg instanceof HttpContent content && body != null) {
                if (body.readableBytes() + content.content().readableBytes() > MAX_BODY) {
                    tooLarge = true;
                } else if (content.content().isReadable()) {
                    body.addComponent(true, content.content().retain());
                }
                if (content instanceof LastHttpContent) {
                    complete(ctx);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** The decoded path, or null when the URI has a malformed %-escape. */
    private static String pathOrNull(String uri) {
        try {
            return new QueryStringDecoder(uri).path();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void complete(ChannelHandlerContext ctx) {
        guard.requestReceived();
        FullHttpRequest full = new DefaultFullHttpRequest(head.protocolVersion(), head.method(), head.uri(), body,
                head.headers(), io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE);
        String path = new QueryStringDecoder(head.uri()).path();
        head = null;
        body = null;
        try {
            if (tooLarge) {
                ctx.writeAndFlush(HttpRequestHandler.toNetty(ApiResponse.reason(413, "console requests carry at most "
                        + MAX_BODY + " bytes"), true)).addListener(f -> guard.lingerAndClose());
                return;
            }
            routes.handle(ctx, full);
            if (!routes.streams(path)) {
                guard.responseSent(ctx);
            }
        } finally {
            full.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (body != null) {
            body.release();
            body = null;
        }
        super.channelInactive(ctx);
    }
}
