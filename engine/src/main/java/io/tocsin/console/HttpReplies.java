package io.tocsin.console;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes complete HTTP responses for the console's routes, honouring keep-alive. Stateless. */
final class HttpReplies {

    private HttpReplies() {
    }

    static void send(ChannelHandlerContext ctx, HttpRequest req, HttpResponseStatus status, String contentType,
                     byte[] body, Map<String, String> headers) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        res.headers().set("X-Content-Type-Options", "nosniff");
        res.headers().set("Referrer-Policy", "no-referrer");
        headers.forEach((k, v) -> res.headers().set(k, v));
        HttpUtil.setContentLength(res, body.length);
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (keepAlive) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(res);
        } else {
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }

    static void text(ChannelHandlerContext ctx, HttpRequest req, HttpResponseStatus status, String contentType,
                     String body) {
        send(ctx, req, status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static void json(ChannelHandlerContext ctx, HttpRequest req, HttpResponseStatus status, Object body) {
        send(ctx, req, status, "application/json; charset=utf-8",
                ConsoleJson.write(body).getBytes(StandardCharsets.UTF_8), Map.of("Cache-Control", "no-store"));
    }

    static void error(ChannelHandlerContext ctx, HttpRequest req, HttpResponseStatus status, String message) {
        json(ctx, req, status, Map.of("error", status.reasonPhrase(), "message", message));
    }
}
