package io.tocsin.pipeline;

import static io.tocsin.pipeline.testing.TestAlerts.alert;
import static io.tocsin.pipeline.testing.TestAlerts.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.DispatchAction;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.pipeline.testing.EngineFixture;
import io.tocsin.pipeline.testing.FakeResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancel wins: a Cancel arriving while a million dispatches of its alert are queued — and the connector is
 * busy sending them — leaves none sent after it was acknowledged. Prints the Cancel→purge latency.
 */
@Timeout(120)
class CancelRaceTest {
    static final int WINDOW = 64;

    @TempDir
    Path dir;

    @Test
    void aCancelWithAMillionQueuedLeavesNoneSentAfterItsAcknowledgement() throws Exception {
        long recipients = 1_050_000;
        FakeResolver resolver = FakeResolver.recipients(recipients);
        try (EngineFixture f = new EngineFixture(dir, resolver, Clock.systemUTC())
                .connector("sms", ChannelKind.SMS, null, new DispatchLimits(20_000, 1000, WINDOW, 2_000_000))
                .create()) {
            AtomicBoolean acked = new AtomicBoolean();
            AtomicLong sentAfterAck = new AtomicLong();
            AtomicLong sent = new AtomicLong();
            f.get("sms").onOffer(d -> {
                if (d.action() != DispatchAction.CANCEL) {
                    sent.incrementAndGet();
                    if (acked.get()) {
                        sentAfterAck.incrementAndGet();
                    }
                }
            });
            f.start();
            String id = f.submit(submission(alert("BIG", "Severe", "Expected", "2099-01-01T00:00:00+08:00")))
                    .alertId();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .until(() -> f.engine().metrics().queued() >= 1_000_000);
            long queuedAtCancel = f.engine().metrics().queued();
            long sentBefore = sent.get();
            long t0 = System.nanoTime();
            IntakeOutcome out = f.engine().intake().cancel(id, "duty-officer", "issued in error")
                    .get(10, TimeUnit.SECONDS);
            long ackNanos = System.nanoTime() - t0;
            acked.set(true);
            assertThat(out.kind()).isEqualTo(IntakeOutcome.Kind.ACCEPTED);
            long sentBetween = sent.get() - sentBefore;
            await().until(() -> f.engine().metrics().inFlight() == 0);
            AlertView v = f.view(id);
            PurgeStats purge = f.engine().metrics().lastPurge();
            System.out.printf("cancel race: queued at cancel %,d; purged %,d in %.3f ms on the pipeline thread;"
                            + " cancel() -> ACCEPTED %.3f ms; sent between cancel() and ack %d; after ack %d%n",
                    queuedAtCancel, purge.dispatches(), purge.nanos() / 1e6, ackNanos / 1e6, sentBetween,
                    sentAfterAck.get());
            assertThat(sentAfterAck.get()).isZero();
            assertThat(sentBetween).isLessThanOrEqualTo(512 + WINDOW);
            assertThat(purge.dispatches()).isGreaterThanOrEqualTo(queuedAtCancel - 512 - WINDOW);
            assertThat(v.state()).isEqualTo(AlertState.CANCELLED);
            assertThat(v.channels().get("SMS").cancelled()).isEqualTo(purge.dispatches());
            assertThat(v.channels().get("SMS").planned())
                    .isEqualTo(v.channels().get("SMS").cancelled() + v.channels().get("SMS").delivered()
                            + v.channels().get("SMS").accepted() + v.channels().get("SMS").submitted());
            assertThat(f.engine().metrics().queued()).isZero();
            assertThat(f.engine().metrics().planningJobs()).isZero();
        }
    }
}
