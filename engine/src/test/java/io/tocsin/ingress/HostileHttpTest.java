package io.tocsin.ingress;

import static io.tocsin.ingress.TestIngress.CITY_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that misbehave at the HTTP level get the right 4xx (or are cut off) while a well-behaved publisher
 * on another connection keeps getting its alerts accepted.
 */
@Timeout(60)
class HostileHttpTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(800);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);

    private TestIngress ingress;
    private GoodClient good;
    private ScheduledExecutorService dribbler;

    @BeforeEach
    void start() throws Exception {
        ingress = new TestIngress(ServerConfig.defaults()
                .withTimeouts(REQUEST_TIMEOUT, IDLE_TIMEOUT, Duration.ofSeconds(2)), new JsonAlertParser());
        good = new GoodClient(ingress);
        dribbler = Executors.newSingleThreadScheduledExecutor();
        await().atMost(Duration.ofSeconds(10)).until(() -> good.served.get() > 0);
    }

    @AfterEach
    void stop() throws Exception {
        dribbler.shutdownNow();
        good.close();
        ingress.close();
    }

    /** The good client got at least a few more alerts accepted, and nothing refused. */
    private void goodClientKeptBeingServed(int before) {
        await().atMost(Duration.ofSeconds(10)).until(() -> good.served.get() >= before + 3);
        assertThat(good.failed.get()).as("good client failures: %s", good.lastFailure.get()).isZero();
    }

    private String post(String extraHeaders) {
        return "POST /api/v1/alerts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + CITY_KEY
                + "\r\nContent-Type: application/json\r\n" + extraHeaders;
    }

    @Test
    void slowHeadersAreCutOffWith408() throws Exception {
        try (RawClient bad = new RawClient(ingress.server.port())) {
            bad.send("POST /api/v1/alerts HTTP/1.1\r\nHost: x\r\n");
            int before = good.served.get();
            // One header byte every 100 ms, forever: never idle, never complete.
            dribbler.scheduleAtFixedRate(() -> bad.trySend("X".getBytes(StandardCharsets.US_ASCII)), 0, 100,
                    TimeUnit.MILLISECONDS);
            goodClientKeptBeingServed(before);
            assertThat(bad.read().status()).isEqualTo(408);
            assertThat(bad.closedByServer()).isTrue();
        }
    }

    @Test
    void slowBodiesAreCutOffWith408() throws Exception {
        try (RawClient bad = new RawClient(ingress.server.port())) {
            bad.send(post("Content-Length: 100000\r\n\r\n{"));
            int before = good.served.get();
            dribbler.scheduleAtFixedRate(() -> bad.trySend(" ".getBytes(StandardCharsets.US_ASCII)), 0, 50,
                    TimeUnit.MILLISECONDS);
            goodClientKeptBeingServed(before);
            assertThat(bad.read().status()).isEqualTo(408);
        }
        assertThat(ingress.intake.submissions).noneMatch(s -> s.alert().identifier() == null);
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        try (RawClient idle = new RawClient(ingress.server.port())) {
            int before = good.served.get();
            goodClientKeptBeingServed(before);
            assertThat(idle.closedByServer()).isTrue();
        }
    }

    @Test
    void aDeclared50MegabyteBodyIsRefused413WithoutReadingIt() throws Exception {
        try (RawClient bad = new RawClient(ingress.server.port())) {
            int before = good.served.get();
            bad.send(post("Content-Length: " + (50 << 20) + "\r\n\r\n"));
            RawClient.Response r = bad.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.body()).contains("larger than");
            goodClientKeptBeingServed(before);
        }
    }

    @Test
    void aStreamed50MegabyteChunkedBodyIsRefused413OnceItPassesTheLimit() throws Exception {
        try (RawClient bad = new RawClient(ingress.server.port())) {
            int before = good.served.get();
            bad.send(post("Transfer-Encoding: chunked\r\n\r\n"));
            byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> {
                int sent = 0;
                while (sent < 800 && bad.trySend(chunk)) {
                    sent++;
                }
                return sent;
            });
            assertThat(bad.read().status()).isEqualTo(413);
            assertThat(writer.get(20, TimeUnit.SECONDS)).as("chunks accepted before the cut").isLessThan(800);
            goodClientKeptBeingServed(before);
        }
    }

    @Test
    void aBodyLongerThanItsContentLengthDoesNotSmuggleASecondRequest() throws Exception {
        try (RawClient bad = new RawClient(ingress.server.port())) {
            String alert = TestIngress.alertJson("smuggle-1", "Minor", "440106000000").strip();
            bad.send(post("Content-Length: " + alert.length() + "\r\n\r\n" + alert + "GARBAGE\r\n\r\n"));
            assertThat(bad.read().status()).isEqualTo(202);
            assertThat(bad.read().status()).isEqualTo(400);
        }
    }

    @Test
    void aFloodOfHeadersIsRefused431() throws Exception {
        try (RawClient bad = new RawClient(ingress.server.port())) {
            int before = good.served.get();
            bad.send(post("X-Flood: 1\r\n".repeat(200) + "Content-Length: 2\r\n\r\n{}"));
            assertThat(bad.read().status()).isEqualTo(431);
            goodClientKeptBeingServed(before);
        }
        try (RawClient bad = new RawClient(ingress.server.port())) {
            bad.send(post("X-Huge: " + "a".repeat(20_000) + "\r\nContent-Length: 2\r\n\r\n{}"));
            assertThat(bad.read().status()).isEqualTo(431);
        }
    }

    @Test
    void anOverlongRequestLineIsRefused414() throws Exception {
        try (RawClient bad = new RawClient(ingress.server.port())) {
            bad.send("GET /api/v1/alerts/" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(bad.read().status()).isEqualTo(414);
        }
    }

    @Test
    void garbageIsRefused400() throws Exception {
        try (RawClient bad = new RawClient(ingress.server.port())) {
            int before = good.served.get();
            bad.send(new byte[] {0, 1, 2, (byte) 0xff, 'G', 'E', 'T', '\r', '\n', '\r', '\n'});
            assertThat(bad.read().status()).isEqualTo(400);
            goodClientKeptBeingServed(before);
        }
    }

    @Test
    void wrongMethodsAndUnknownPathsAreRefusedEvenWithABodyPending() throws Exception {
        try (RawClient bad = new RawClient(ingress.server.port())) {
            bad.send("PUT /api/v1/alerts HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
            RawClient.Response r = bad.read();
            assertThat(r.status()).isEqualTo(405);
            assertThat(r.headers()).contains("Allow: POST, GET");
        }
        try (RawClient bad = new RawClient(ingress.server.port())) {
            bad.send("DELETE /wp-admin HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(bad.read().status()).isEqualTo(404);
        }
    }

    @Test
    void invalidUtf8AndDeepNestingAreRefused400() throws Exception {
        byte[] invalid = {'{', '"', 'i', 'd', 'e', 'n', 't', 'i', 'f', 'i', 'e', 'r', '"', ':', '"', (byte) 0xc3,
            (byte) 0x28, '"', '}'};
        try (RawClient bad = new RawClient(ingress.server.port())) {
            bad.send(post("Content-Length: " + invalid.length + "\r\n\r\n"));
            bad.send(invalid);
            assertThat(bad.read().status()).isEqualTo(400);
        }
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        try (RawClient bad = new RawClient(ingress.server.port())) {
            bad.send(post("Content-Length: " + deep.length() + "\r\n\r\n" + deep));
            assertThat(bad.read().status()).isEqualTo(400);
        }
    }

    @Test
    void expectContinueIsAnsweredOnlyWhenTheRequestWouldBeAdmitted() throws Exception {
        String alert = TestIngress.alertJson("continue-1", "Minor", "440106000000");
        try (RawClient client = new RawClient(ingress.server.port())) {
            client.send(post("Expect: 100-continue\r\nContent-Length: " + alert.length() + "\r\n\r\n"));
            assertThat(client.read().status()).isEqualTo(100);
            client.send(alert);
            assertThat(client.read().status()).isEqualTo(202);
        }
        try (RawClient client = new RawClient(ingress.server.port())) {
            client.send("POST /api/v1/alerts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer wrong\r\n"
                    + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(401);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
        try (RawClient client = new RawClient(ingress.server.port())) {
            client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(200);
            assertThat(client.read().status()).isEqualTo(404);
        }
    }

    @Test
    void aConnectionPastTheCapIsAnswered503WithRetryAfterNotClosedSilently() throws Exception {
        ingress.close();
        good.close();
        ServerConfig d = ServerConfig.defaults();
        ingress = new TestIngress(new ServerConfig(d.host(), 0, 1, d.maxBodyBytes(), d.maxInitialLineBytes(),
                d.maxHeaderBytes(), d.maxHeaderCount(), 2, REQUEST_TIMEOUT, IDLE_TIMEOUT, Duration.ofSeconds(2),
                d.maxInFlight(), 3, d.inlineDecodeBytes(), d.decodeThreads(), d.decodeQueue()), new JsonAlertParser());
        try (RawClient a = new RawClient(ingress.server.port()); RawClient b = new RawClient(ingress.server.port());
             RawClient third = new RawClient(ingress.server.port())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> ingress.server.connections() >= 3);
            third.send(post("Content-Length: 2\r\n\r\n{}"));

            RawClient.Response r = third.read();

            assertThat(r.status()).isEqualTo(503);
            assertThat(r.headers().toLowerCase()).contains("retry-after: 3");
            assertThat(third.closedByServer()).isTrue();
        }
        good = new GoodClient(ingress);
    }
}
