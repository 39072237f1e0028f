package io.tocsin.ingress;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sits in front of the HTTP codec and bounds how long a connection may hold resources:
 *
 * <pre>
 *  connect / response sent ──idleTimeout──▶ close            (idle keep-alive, or never sends anything)
 *  first byte of a request ──requestTimeout──▶ 408 + close   (slowloris: headers or body dribbled in)
 *  request complete        ── timer off (the ack timeout bounds the engine's answer)
 * </pre>
 *
 * Also caps concurrent connections across the server: a connection past the cap is answered 503 with Retry-After
 * (canned, nothing of it is read) and closed, so a client in a flood learns to come back instead of seeing a
 * silent close; the {@link AcceptGate} counts them and pauses accepting when even refusals would exhaust the
 * process's file descriptors. One instance per connection; runs on its event loop.
 */
final class ConnectionGuard extends ChannelInboundHandlerAdapter {

    private static final String TIMEOUT_BODY = "{\"reason\":\"request not received in time\"}";
    private static final byte[] TIMEOUT = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\n"
            + "Connection: close\r\nContent-Length: " + TIMEOUT_BODY.length() + "\r\n\r\n" + TIMEOUT_BODY)
            .getBytes(StandardCharsets.US_ASCII);

    /** Longest time a refused client's remaining bytes are read and dropped before the connection closes. */
    static final Duration LINGER = Duration.ofSeconds(2);
    /** Most bytes read and dropped while lingering; past it the connection is closed at once. */
    static final long LINGER_BYTES = 4L << 20;

    private final Duration requestTimeout;
    private final Duration idleTimeout;
    private final AcceptGate connections;
    private final byte[] tooManyConnections;
    private ScheduledFuture<?> timer;
    private boolean receiving;
    private boolean processing;
    private boolean counted;
    private boolean draining;
    private long drained;
    private ChannelHandlerContext context;

    ConnectionGuard(Duration requestTimeout, Duration idleTimeout, AcceptGate connections, int retryAfterSeconds) {
        this.requestTimeout = requestTimeout;
        this.idleTimeout = idleTimeout;
        this.connections = connections;
        String body = "{\"reason\":\"too many connections; retry shortly\"}";
        this.tooManyConnections = ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                + "Retry-After: " + retryAfterSeconds + "\r\nConnection: close\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        counted = true;
        if (!connections.opened()) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(tooManyConnections)).addListener(f -> {
                if (f.isSuccess()) {
                    lingerAndClose();
                } else {
                    ctx.close();
                }
            });
            return;
        }
        arm(ctx, idleTimeout);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        if (counted) {
            connections.closed();
            counted = false;
        }
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (draining) {
            if (msg instanceof ByteBuf b) {
                drained += b.readableBytes();
            }
            ReferenceCountUtil.release(msg);
            if (drained > LINGER_BYTES) {
                ctx.close();
            }
            return;
        }
        if (!receiving && !processing) {
            receiving = true;
            arm(ctx, requestTimeout);
        }
        super.channelRead(ctx, msg);
    }

    /** The handler has a whole request and is working on it. */
    void requestReceived() {
        receiving = false;
        processing = true;
        cancel();
    }

    /** The response went out and the connection stays open for the next request. */
    void responseSent(ChannelHandlerContext ctx) {
        processing = false;
        arm(ctx, idleTimeout);
    }

    /**
     * A refusal has been written: stop sending, throw away whatever the client still sends (so the refusal is
     * not lost to a TCP reset) for at most {@link #LINGER} and {@link #LINGER_BYTES}, then close.
     */
    void lingerAndClose() {
        ChannelHandlerContext ctx = context;
        draining = true;
        receiving = false;
        processing = false;
        cancel();
        if (ctx.channel() instanceof SocketChannel socket) {
            socket.shutdownOutput();
        }
        ctx.channel().config().setAutoRead(true);
        timer = ctx.executor().schedule(() -> ctx.close(), LINGER.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void arm(ChannelHandlerContext ctx, Duration after) {
        cancel();
        timer = ctx.executor().schedule(() -> expire(ctx), after.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (receiving) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(TIMEOUT)).addListener(f -> lingerAndClose());
        } else if (!processing) {
            ctx.close();
        }
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
