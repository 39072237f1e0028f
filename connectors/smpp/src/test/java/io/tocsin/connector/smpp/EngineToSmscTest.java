package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.connector.ReceiptSink;
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
 * The whole path: engine intake → Chronicle journal → planner (recipients of three carriers from targeting) →
 * dispatcher → the SMPP connector → three simulated SMSCs → receipts → ledger. Every recipient exactly once,
 * every dispatch delivered in the ledger. {@code -Dtocsin.smpp.engine.recipients=1000000} for the full million.
 */
@Timeout(900)
class EngineToSmscTest {

    private static final int N = Integer.getInteger("tocsin.smpp.engine.recipients", 20_000);
    private static final long BASE = 8613800000000L;

    @TempDir
    Path dir;

    @Test
    void alertFromIntakeReachesEveryRecipientExactlyOnceAndTheLedgerCountsThemDelivered() throws Exception {
        try (SimulatedCarriers carriers = new SimulatedCarriers(c -> c.withPassword("secret"))) {
            FakeResolver resolver = new FakeResolver(BASE, N, List.of(SimulatedCarriers.NAMES),
                    List.of("zh-CN", "en-US"), Map.of(), List.of(), List.of(), 1000);
            EngineConfig config = EngineConfig.defaults(dir)
                    .withDefaults(new DispatchLimits(0, 1000, 4096, 200_000))
                    .withBindings(Map.of("sms", ConnectorBinding.of(null)));
            Engine engine = new Engine(config, resolver, Clock.systemUTC());
            JsonNode settings = carriers.settings(2, 32, 0, 0);
            Connector sms = new SmppConnectorFactory().create(context("sms", settings, engine.receipts()));
            try {
                engine.start(List.of(sms));
                await().atMost(Duration.ofSeconds(20)).until(() -> sms.health().status().name().equals("UP"));
                long started = System.nanoTime();
                IntakeOutcome outcome = engine.intake().submit(TestAlerts.submission(TestAlerts.alert("SMS1",
                        "Extreme", "Immediate", "2099-01-01T00:00:00+08:00"))).get(10, TimeUnit.SECONDS);
                assertThat(outcome.kind()).isEqualTo(IntakeOutcome.Kind.ACCEPTED);
                await().atMost(Duration.ofMinutes(14)).pollInterval(Duration.ofMillis(250)).until(() -> engine.ledger()
                        .alert(outcome.alertId()).map(v -> v.channels().get("SMS"))
                        .map(c -> c.delivered() == N).orElse(false));
                double seconds = (System.nanoTime() - started) / 1e9;
                ChannelCounters counters = engine.ledger().alert(outcome.alertId()).orElseThrow().channels().get("SMS");
                System.out.printf("engine → SMPP: %d recipients delivered in %.1f s (%.0f/s), ledger %s, %s%n", N,
                        seconds, N / seconds, counters, ((SmppConnector) sms).stats());

                assertThat(counters.planned()).isEqualTo(N);
                assertThat(counters.failed() + counters.unknown() + counters.expired()).isZero();
                assertThat(carriers.recipients()).isEqualTo(N);
                assertThat(carriers.duplicates()).isZero();
                for (long i = 0; i < N; i++) {
                    String msisdn = Long.toString(BASE + i);
                    assertThat(carriers.smscs.get((int) (i % 3)).inbox().count(msisdn)).as(msisdn).isEqualTo(1);
                }
            } finally {
                engine.close();
            }
        }
    }

    private static ConnectorContext context(String name, JsonNode settings, ReceiptSink sink) {
        return ConnectorContext.of(name, settings, sink, Clock.systemUTC());
    }
}
