package io.tocsin.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.ReferenceCountUtil;
import io.tocsin.cap.CapDecoder;
import io.tocsin.cap.CapValidator;
import io.tocsin.cap.Decoded;
import io.tocsin.config.ServerConfig;
import io.tocsin.pipeline.Submission;
import io.tocsin.security.RegionShapes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The production ingress pipeline ({@link IngressServer#install}: guard, HTTP codec, API handler) over a Netty
 * {@link EmbeddedChannel} with a manual clock, serving the real {@link AlertApi} routes with the real
 * {@link CapAlertParser} in front of a {@link FakeIntake}. {@link #serve} pushes raw request bytes, lets every
 * timeout elapse, and checks what came back. Used by the HTTP fuzz target and its regression tests.
 *
 * <p>Not thread-safe: one connection at a time, all on the calling thread (bodies are decoded inline).
 */
final class EmbeddedIngress implements AutoCloseable {

    /** Statuses the API may answer with; 500 is not among them (it means a route threw). */
    static final Set<Integer> ALLOWED = Set.of(100, 200, 202, 400, 401, 403, 404, 405, 408, 409, 413, 414, 415,
            429, 431, 503);

    static final ServerConfig CONFIG = new ServerConfig("127.0.0.1", 0, 1, 64L * 1024, 1024, 4096, 32, 16,
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2), 64, 1, 64 * 1024, 1, 4);

    final FakeIntake intake = new FakeIntake();
    private final Router router;
    private final AcceptGate connections = new AcceptGate(CONFIG.maxConnections(), CONFIG.maxConnections() + 16);
    private final CapDecoder decoder = new CapDecoder();
    private final CapValidator validator = new CapValidator();

    /** What one connection got back. */
    record Exchange(List<HttpResponse> responses, int requestHeads, boolean closed) {
    }

    EmbeddedIngress() {
        AlertApi api = new AlertApi(TestIngress.keyRing(), intake, new FakeLedger(), new CapAlertParser(),
                RegionShapes.NONE, Clock.systemUTC(), CONFIG);
        router = api.router();
    }

    /** One connection: {@code chunks} arrive in order, then the client waits (never closes first). */
    Exchange serve(List<byte[]> chunks) {
        intake.submissions.clear();
        AtomicInteger heads = new AtomicInteger();
        EmbeddedChannel ch = new EmbeddedChannel(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel c) {
                IngressServer.install(c.pipeline(), CONFIG, router, null, connections);
                c.pipeline().addAfter("http", "count", new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        if (msg instanceof HttpRequest) {
                            heads.incrementAndGet();
                        }
                        ctx.fireChannelRead(msg);
                    }
                });
            }
        });
        ch.freezeTime();
        boolean sentSomething = false;
        for (byte[] chunk : chunks) {
            if (!ch.isOpen()) {
                break;
            }
            sentSomething |= chunk.length > 0;
            ch.writeInbound(Unpooled.wrappedBuffer(chunk));
            ch.runPendingTasks();
            ch.advanceTimeBy(100, TimeUnit.MILLISECONDS);
            ch.runScheduledPendingTasks();
        }
        // Every timeout (request, ack, linger, idle) passes; the server must have closed by then.
        for (int i = 0; i < 40 && ch.isOpen(); i++) {
            ch.advanceTimeBy(500, TimeUnit.MILLISECONDS);
            ch.runPendingTasks();
            ch.runScheduledPendingTasks();
        }
        ch.checkException();
        boolean closed = !ch.isOpen();
        List<HttpResponse> responses = responses(ch);
        ch.finishAndReleaseAll();
        assertThat(connections.open()).as("connections counted after close").isZero();
        Exchange ex = new Exchange(responses, heads.get(), closed);
        check(ex, sentSomething);
        return ex;
    }

    private void check(Exchange ex, boolean sentSomething) {
        assertThat(ex.closed()).as("connection still open after every timeout").isTrue();
        if (sentSomething) {
            assertThat(ex.responses()).as("bytes were sent but nothing was answered").isNotEmpty();
        }
        for (int i = 0; i < ex.responses().size(); i++) {
            HttpResponse r = ex.responses().get(i);
            assertThat(ALLOWED).as("status of response %d: %s", i, r.status()).contains(r.status().code());
            boolean closes = r.headers().contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
            if (closes) {
                assertThat(i).as("a response after 'Connection: close'").isEqualTo(ex.responses().size() - 1);
            }
        }
        for (Submission s : intake.submissions) {
            Decoded d = decoder.decode(s.raw());
            assertThat(d.ok()).as("accepted a body that does not decode: %s", d.reasons()).isTrue();
            assertThat(d.alerts()).hasSize(1);
            assertThat(validator.validate(d.alerts().get(0))).as("accepted an alert the validator rejects")
                    .noneMatch(io.tocsin.cap.Reason::isError);
        }
    }

    /** Decodes everything the server wrote as HTTP responses; each must parse. */
    private static List<HttpResponse> responses(EmbeddedChannel ch) {
        EmbeddedChannel client = new EmbeddedChannel(new HttpResponseDecoder());
        Object out;
        while ((out = ch.readOutbound()) != null) {
            if (out instanceof ByteBuf b) {
                client.writeInbound(b);
            } else {
                ReferenceCountUtil.release(out);
                throw new AssertionError("the server wrote a " + out.getClass().getName() + ", not bytes");
            }
        }
        List<HttpResponse> responses = new ArrayList<>();
        Object in;
        while ((in = client.readInbound()) != null) {
            try {
                assertThat(((HttpObject) in).decoderResult().isSuccess())
                        .as("malformed response: %s", ((HttpObject) in).decoderResult()).isTrue();
                if (in instanceof HttpResponse r) {
                    responses.add(r);
                }
                if (in instanceof HttpContent) {
                    // bodies are read; their content is the route's business
                }
            } finally {
                ReferenceCountUtil.release(in);
            }
        }
        client.finishAndReleaseAll();
        return responses;
    }

    @Override
    public void close() {
        router.close();
    }
}
