package io.tocsin.console;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.tocsin.pipeline.IntakeOutcome;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Netty server for console tests: mounts {@link ConsoleRoutes} and, behind them, the few alert routes
 * the page and the CLI call, backed by a {@link SimulatedEngine}. Binds an ephemeral port.
 */
final class ConsoleTestServer implements AutoCloseable {

    static final String OPERATOR_KEY = "operator-key-for-tests-0123456789";
    static final String PUBLISHER_KEY = "publisher-key-for-tests-0123456789";
    private static final Pattern COMMAND = Pattern.compile("/api/v1/alerts/([^/]+)/(cancel|approve|reject)");
    private static final Pattern ALERT = Pattern.compile("/api/v1/alerts/([^/]+)");

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final SimulatedEngine engine;
    private final Console console;
    private final Channel server;

    ConsoleTestServer(SimulatedEngine engine, Console console) throws InterruptedException {
        this.engine = engine;
        this.console = console;
        this.server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Handler());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    static OperatorAuthenticator operators() {
        return key -> OPERATOR_KEY.equals(key) ? Optional.of("duty-officer") : Optional.empty();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            if (console.routes().handle(ctx, req)) {
                return;
            }
            String path = req.uri().split("\\?")[0];
            String auth = Optional.ofNullable(req.headers().get(HttpHeaderNames.AUTHORIZATION)).orElse("");
            Matcher command = COMMAND.matcher(path);
            Matcher alert = ALERT.matcher(path);
            if (path.equals("/api/v1/alerts") && req.method().equals(HttpMethod.POST)) {
                if (!auth.equals("Bearer " + PUBLISHER_KEY)) {
                    HttpReplies.error(ctx, req, HttpResponseStatus.UNAUTHORIZED, "publisher key required");
                    return;
                }
                IntakeOutcome out = engine.submitXml(ByteBufUtil.getBytes(req.content()), "test-publisher");
                HttpReplies.json(ctx, req, HttpResponseStatus.ACCEPTED, Map.of("id", out.alertId(), "state", out.state()));
            } else if (command.matches() && req.method().equals(HttpMethod.POST)) {
                if (!auth.equals("Bearer " + OPERATOR_KEY)) {
                    HttpReplies.error(ctx, req, HttpResponseStatus.UNAUTHORIZED, "operator key required");
                    return;
                }
                IntakeOutcome out = engine.cancel(command.group(1), "duty-officer", "console").join();
                HttpReplies.json(ctx, req, out.kind() == IntakeOutcome.Kind.NOT_FOUND
                        ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.ACCEPTED,
                        Map.of("id", command.group(1), "state", String.valueOf(out.state())));
            } else if (alert.matches() && req.method().equals(HttpMethod.GET)) {
                engine.alert(alert.group(1)).ifPresentOrElse(
                        v -> HttpReplies.json(ctx, req, HttpResponseStatus.OK, v),
                        () -> HttpReplies.error(ctx, req, HttpResponseStatus.NOT_FOUND, "no such alert"));
            } else {
                HttpReplies.error(ctx, req, HttpResponseStatus.NOT_FOUND, "no route " + path);
            }
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
