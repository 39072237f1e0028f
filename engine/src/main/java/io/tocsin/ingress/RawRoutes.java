package io.tocsin.ingress;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * Routes that answer on the channel themselves (static pages, server-sent events, feeds) rather than through
 * the {@link Router}'s request/response model. The server hands them whole requests with small bodies; a
 * response that stays open (an event stream) says so through {@link #streams(String)}. Thread-safe.
 */
public interface RawRoutes {

    /** True when these routes answer {@code path} (without the query). */
    boolean owns(String path);

    /** True when the response to {@code path} stays open after {@link #handle} (no idle timeout for it). */
    boolean streams(String path);

    /** Answers the request; must not block and must not release it (the caller does). */
    void handle(ChannelHandlerContext ctx, FullHttpRequest request);
}
