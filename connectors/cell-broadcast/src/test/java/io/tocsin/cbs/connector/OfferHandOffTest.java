package io.tocsin.cbs.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tocsin.cap.Alert;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.SendResult;
import io.tocsin.connector.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine's thread only checks and admits: encoding the text, building the ECBE request and handing it to the
 * HTTP client happen on the connector's sender thread (the JDK client's send path cost the engine 1–4 ms per message on a cold JVM, in front
 * of the alert's first SMS), and a cancel's DELETE still follows its POST.
 */
@Timeout(30)
class OfferHandOffTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T01:35:00Z"), ZoneOffset.UTC);

    /** A protocol whose first call blocks the calling thread until released; records the order of requests. */
    static final class BlockingProtocol implements CbcProtocol {
        final CountDownLatch release = new CountDownLatch(1);
        final ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();
        volatile Thread caller;

        @Override
        public CompletableFuture<CbcAnswer> create(EndpointSettings endpoint, String cbeName, CbsBroadcast b) {
            caller = Thread.currentThread();
            calls.add("POST " + b.messageId());
            await();
            return CompletableFuture.completedFuture(CbcAnswer.of(CbcAnswer.Kind.OK, 201, "Created"));
        }

        @Override
        public CompletableFuture<CbcAnswer> delete(EndpointSettings endpoint, int messageId) {
            calls.add("DELETE " + messageId);
            return CompletableFuture.completedFuture(CbcAnswer.of(CbcAnswer.Kind.OK, 200, "OK"));
        }

        private void await() {
            try {
                if (!release.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            release.countDown();
        }
    }

    @Test
    void offerReturnsWhileTheRequestIsStillBeingSentAndTheCancelFollowsThePost() {
        ObjectNode s = new ObjectMapper().createObjectNode();
        s.put("carrier", "cmcc");
        s.put("cbe_name", "tocsin-test");
        s.putArray("endpoints").add("http://127.0.0.1:9");
        TestContext ctx = new TestContext("cmcc-cbs", s, CLOCK);
        BlockingProtocol protocol = new BlockingProtocol();
        CellBroadcastConnector c = new CellBroadcastConnector(ctx, CbsSettings.from(s), protocol);
        try {
            Alert alert = Alerts.typhoon("a1", "Actual", "Alert", null, Alerts.ZH_HEADLINE);
            Target t = new Target(ChannelKind.CELL_BROADCAST, null, "cmcc", null, List.of("cmcc-440106-1"), List.of());

            // The protocol blocks whoever calls it: had offer() called it, this line would not return.
            assertThat(c.offer(new Dispatch(1, "a1", DispatchAction.SEND, alert, t, null, 0, null)))
                    .isEqualTo(SendResult.ACCEPTED);
            assertThat(c.offer(new Dispatch(2, "c1", DispatchAction.CANCEL, alert, t, null, 1, "a1")))
                    .isEqualTo(SendResult.ACCEPTED);
            await().atMost(Duration.ofSeconds(10)).until(() -> protocol.caller != null);
            assertThat(protocol.caller).isNotSameAs(Thread.currentThread());
            assertThat(protocol.caller.getName()).isEqualTo("cbs-cmcc-cbs-send");
            assertThat(c.inFlight()).isEqualTo(2);

            protocol.release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> ctx.hasFinal(1) && ctx.hasFinal(2));
            assertThat(ctx.of(1, DispatchState.DELIVERED)).hasSize(1);
            assertThat(ctx.of(2, DispatchState.DELIVERED)).hasSize(1);
            // Two languages: two messages created, then both deleted.
            assertThat(protocol.calls).extracting(call -> call.substring(0, call.indexOf(' ')))
                    .containsExactly("POST", "POST", "DELETE", "DELETE");
            assertThat(c.inFlight()).isZero();
        } finally {
            c.close();
        }
    }
}
