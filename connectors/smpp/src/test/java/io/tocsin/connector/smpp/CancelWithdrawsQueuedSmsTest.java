package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.pipeline.ConnectorBinding;
import io.tocsin.pipeline.DispatchLimits;
import io.tocsin.pipeline.Engine;
import io.tocsin.pipeline.EngineConfig;
import io.tocsin.pipeline.IntakeOutcome;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.pipeline.testing.TestAlerts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancel wins over the connector's own queue too: the engine hands the SMPP connector thousands of dispatches
 * (its in-flight limit) while the carriers take 100 a second, an operator cancels, and nothing beyond the binds'
 * windows reaches an SMSC after the cancel's acknowledgement; the withdrawn dispatches count as cancelled.
 */
@Timeout(180)
class CancelWithdrawsQueuedSmsTest {

    private static final int N = 6_000;
    private static final int WINDOW = 8;
    /** After the ack at most what each bind has outstanding (its window) plus the one its submitter holds. */
    private static final long BOUND = 3L * (WINDOW + 1);

    @TempDir
    Path dir;

    @Test
    void aCancelWithdrawsWhatTheConnectorHoldsButHasNotSent() throws Exception {
        try (SimulatedCarriers carriers = new SimulatedCarriers(c -> c.withPassword("secret"))) {
            FakeResolver resolver = new FakeResolver(8613800000000L, N, List.of(SimulatedCarriers.NAMES),
                    List.of("zh-CN"), Map.of(), List.of(), List.of(), 1000);
            EngineConfig config = EngineConfig.defaults(dir)
                    .withBindings(Map.of("sms", new ConnectorBinding(null, new DispatchLimits(0, 1000, 4096, 200_000))));
            Engine engine = new Engine(config, resolver, Clock.systemUTC());
            Connector sms = new SmppConnectorFactory().create(ConnectorContext.of("sms",
                    carriers.settings(1, WINDOW, 100, 0), engine.receipts(), Clock.systemUTC()));
            try {
                engine.start(List.of(sms));
                await().atMost(Duration.ofSeconds(20)).until(() -> sms.health().status().name().equals("UP"));
                IntakeOutcome accepted = engine.intake().submit(TestAlerts.submission(TestAlerts.alert("WD1",
                        "Extreme", "Immediate", "2099-01-01T00:00:00+08:00"))).get(10, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(30)).until(() -> carriers.recipients() >= 30 && sms.inFlight() > 1000);
                int heldAtCancel = sms.inFlight();

                IntakeOutcome cancelled = engine.intake().cancel(accepted.alertId(), "duty", "test of withdrawal")
                        .get(10, TimeUnit.SECONDS);
                long reachedAtAck = carriers.recipients();
                assertThat(cancelled.kind()).isEqualTo(IntakeOutcome.Kind.ACCEPTED);

                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .conditionEvaluationListener(e -> {
                            if (!e.isSatisfied() && e.getElapsedTimeInMS() > 20_000) {
                                System.out.println("after cancel: held " + sms.inFlight() + ", reached "
                                        + carriers.recipients() + ", " + ((SmppConnector) sms).stats());
                            }
                        })
                        .until(() -> sms.inFlight() == 0);
                long reachedAfter = carriers.recipients();
                await().atMost(Duration.ofSeconds(10)).until(() -> counters(engine, accepted).cancelled()
                        >= N - reachedAfter - BOUND);
                ChannelCounters c = counters(engine, accepted);
                System.out.printf("withdrawal: connector held %d at cancel; SMSCs reached %d at the ack, %d in the "
                        + "end; ledger %s%n", heldAtCancel, reachedAtAck, reachedAfter, c);
                assertThat(reachedAfter - reachedAtAck).as("sent after the cancel's ack")
                        .isLessThanOrEqualTo(BOUND);
                assertThat(c.cancelled()).isGreaterThanOrEqualTo(heldAtCancel - BOUND);
                assertThat(c.delivered() + c.cancelled()).as("each dispatch either sent or withdrawn, never both")
                        .isEqualTo(N);
            } finally {
                engine.close();
            }
        }
    }

    private static ChannelCounters counters(Engine engine, IntakeOutcome accepted) {
        return engine.ledger().alert(accepted.alertId()).orElseThrow().channels().get("SMS");
    }
}
