package io.tocsin.ingress;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tocsin.config.ServerConfig;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The engine's HTTP server (Netty 4.2, NIO): one acceptor thread and {@code ioThreads} event loops serving
 * a {@link Router}. Limits come from {@link ServerConfig}: initial line, header bytes and count, body size,
 * request and idle timeouts, connections (lowered to fit the open-file limit: {@link OpenFileBudget}).
 *
 * <pre>
 * var api = new AlertApi(keyRing, engine, ledgerView, new CapAlertParser(), RegionShapes.NONE, clock, config.server());
 * try (var server = new IngressServer(config.server(), api.router())) {
 *     server.start();            // binds; server.port() is the bound port (config port 0 = ephemeral)
 * }
 * </pre>
 *
 * Thread-safe; start once, close once (closing also closes the router).
 */
public final class IngressServer implements AutoCloseable {

    private final ServerConfig config;
    private final Router router;
    private final RawRoutes raw;
    private AcceptGate gate;
    private EventLoopGroup acceptor;
    private EventLoopGroup workers;
    private Channel serverChannel;
    private volatile int boundPort = -1;

    public IngressServer(ServerConfig config, Router router) {
        this(config, router, null);
    }

    /** With {@code raw} routes (the console: pages, event stream, feed, metrics) answered ahead of the API. */
    public IngressServer(ServerConfig config, Router router, RawRoutes raw) {
        this.config = config;
        this.router = router;
        this.raw = raw;
    }

    /** Binds and starts serving; returns once the port is bound. */
    public synchronized IngressServer start() throws InterruptedException {
        if (serverChannel != null) {
            throw new IllegalStateException("already started");
        }
        AcceptGate connections = AcceptGate.fitted(config.maxConnections());
        gate = connections;
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("tocsin-http-accept", true),
                NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("tocsin-http", true),
                NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        install(ch.pipeline(), config, router, raw, connections);
                    }
                });
        try {
            serverChannel = bootstrap.bind(config.host(), config.port()).sync().channel();
            connections.watch(serverChannel);
            boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        } catch (RuntimeException | InterruptedException e) {
            shutdownGroups();
            throw e;
        }
        return this;
    }

    /**
     * Puts one connection's handlers into {@code pipeline}: the connection guard, the HTTP codec with the
     * configured limits, the raw routes (when any) and the API. The server does this for every accepted
     * connection; tests and fuzzers drive the same pipeline over an embedded channel.
     */
    static void install(ChannelPipeline pipeline, ServerConfig config, Router router, RawRoutes raw,
                        AcceptGate connections) {
        HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(config.maxInitialLineBytes())
                .setMaxHeaderSize(config.maxHeaderBytes())
                .setMaxChunkSize(64 * 1024);
        ConnectionGuard guard = new ConnectionGuard(config.requestTimeout(), config.idleTimeout(),
                connections, config.retryAfterSeconds());
        pipeline.addLast("guard", guard).addLast("http", new HttpServerCodec(decoder));
        if (raw != null) {
            pipeline.addLast("raw", new RawRouteGate(raw, guard));
        }
        pipeline.addLast("api", new HttpRequestHandler(router, config, guard));
    }

    /** The bound port (useful when configured with port 0); -1 before start. */
    public int port() {
        return boundPort;
    }

    /** The connection limit in force: the configured one, lowered to fit the open-file limit. */
    public synchronized int maxConnections() {
        return gate == null ? -1 : gate.serve();
    }

    /** Connections open right now. */
    public synchronized int connections() {
        return gate == null ? 0 : gate.open();
    }

    @Override
    public synchronized void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        shutdownGroups();
        router.close();
    }

    private void shutdownGroups() {
        if (acceptor != null) {
            acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            acceptor = null;
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers = null;
        }
    }
}
