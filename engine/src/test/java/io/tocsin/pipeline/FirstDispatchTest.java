package io.tocsin.pipeline;

import static io.tocsin.pipeline.testing.TestAlerts.alert;
import static io.tocsin.pipeline.testing.TestAlerts.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.cap.Area;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Dispatch;
import io.tocsin.ledger.AlertState;
import io.tocsin.pipeline.testing.EngineFixture;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.pipeline.testing.ManualClock;
import io.tocsin.targeting.AreaResolver;
import io.tocsin.targeting.Audience;
import io.tocsin.targeting.RecipientSink;
import io.tocsin.targeting.Resolution;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first dispatches of an alert do not wait for the rest of its planning: SMS go out while the resolver is
 * still working (the whole-area part and the end of the recipient stream), and the cell broadcast goes out while
 * the recipient stream is held back by full queues.
 */
@Timeout(60)
class FirstDispatchTest {
    static final String EXPIRES = "2026-11-29T18:00:00+08:00";

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T02:00:00Z"));
    EngineFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    /** Holds the calling resolver thread until the test opens {@code gate} (bounded: 30 s). */
    static void awaitGate(CountDownLatch gate) {
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Streams every recipient of the delegate, then holds each resolution open until the gate opens. */
    static final class GatedResolver implements AreaResolver {
        final AreaResolver delegate;
        final CountDownLatch gate = new CountDownLatch(1);

        GatedResolver(AreaResolver delegate) {
            this.delegate = delegate;
        }

        @Override
        public Resolution resolve(List<Area> areas, Audience audience, RecipientSink sink) {
            Resolution r = delegate.resolve(areas, audience, sink);
            awaitGate(gate);
            return r;
        }
    }

    /**
     * A district whose cells were found ahead of time: {@link #precomputedAreas} answers at once, while every
     * resolution that would need real work (the recipient stream, the whole-area walk) waits for the gate.
     */
    static final class KnownDistrictResolver implements AreaResolver {
        final FakeResolver delegate;
        final CountDownLatch gate = new CountDownLatch(1);
        final Resolution known;

        KnownDistrictResolver(FakeResolver delegate) {
            this.delegate = delegate;
            this.known = delegate.resolve(List.of(), Audience.PUBLIC, batch -> { });
        }

        @Override
        public Resolution resolve(List<Area> areas, Audience audience, RecipientSink sink) {
            awaitGate();
            return delegate.resolve(areas, audience, sink);
        }

        @Override
        public Resolution resolveAreas(List<Area> areas, Audience audience) {
            awaitGate();
            return known;
        }

        @Override
        public Resolution precomputedAreas(List<Area> areas, Audience audience) {
            return known;
        }

        private void awaitGate() {
            FirstDispatchTest.awaitGate(gate);
        }
    }

    @Test
    void aDistrictsCellBroadcastIsOfferedBeforeTheFirstRecipientBatchIsPlanned() {
        KnownDistrictResolver resolver = new KnownDistrictResolver(new FakeResolver(13800000000L, 5000,
                List.of("cmcc"), List.of("zh-CN"), Map.of("cmcc", List.of("c1", "c2")), List.of(), List.of(), 1000));
        f = new EngineFixture(dir, resolver, clock)
                .connector("sms-cmcc", ChannelKind.SMS, "cmcc")
                .connector("cbc-cmcc", ChannelKind.CELL_BROADCAST, "cmcc");
        f.start();
        String id = f.submit(submission(alert("A1", "Extreme", "Immediate", EXPIRES))).alertId();

        // No recipient is known yet (the stream waits for the gate), and the whole-area walk was never needed.
        await().atMost(Duration.ofSeconds(20)).until(() -> f.get("cbc-cmcc").offerCount() == 1);
        assertThat(f.get("cbc-cmcc").offered()).singleElement()
                .satisfies(d -> assertThat(d.target().cells()).containsExactly("c1", "c2"));
        assertThat(f.get("sms-cmcc").offerCount()).isZero();
        assertThat(f.engine().metrics().queued()).isZero();
        assertThat(resolver.gate.getCount()).isEqualTo(1);

        resolver.gate.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> f.view(id).state() == AlertState.DONE);
        assertThat(f.get("sms-cmcc").offerCount()).isEqualTo(5000);
        assertThat(f.get("cbc-cmcc").offerCount()).isEqualTo(1);
    }

    @Test
    void inOnePassTheCellBroadcastGoesFirstThenTheSmsThenRadio() {
        FakeResolver district = new FakeResolver(13800000000L, 100, List.of("cmcc"), List.of("zh-CN"),
                Map.of("cmcc", List.of("c1")), List.of("FM-1"), List.of(), 1000);
        f = new EngineFixture(dir, district, clock)
                .connector("radio", ChannelKind.RADIO, null) // configured first: the router's first queue
                .connector("sms-cmcc", ChannelKind.SMS, "cmcc")
                .connector("cbc-cmcc", ChannelKind.CELL_BROADCAST, "cmcc")
                .create();
        List<ChannelKind> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (String c : List.of("radio", "sms-cmcc", "cbc-cmcc")) {
            f.get(c).connected(false).onOffer(d -> order.add(d.target().kind()));
        }
        f.start();
        String id = f.submit(submission(alert("A1", "Extreme", "Immediate", EXPIRES))).alertId();
        await().atMost(Duration.ofSeconds(20)).until(() -> f.engine().metrics().queued() == 102);

        for (String c : List.of("radio", "sms-cmcc", "cbc-cmcc")) {
            f.get(c).connected(true);
        }
        clock.advance(Duration.ofSeconds(2)); // all past their NOT_CONNECTED back-off in the same pass
        await().atMost(Duration.ofSeconds(20)).until(() -> f.view(id).state() == AlertState.DONE);
        assertThat(order).hasSize(102);
        assertThat(order.get(0)).isEqualTo(ChannelKind.CELL_BROADCAST);
        assertThat(order.subList(1, 101)).containsOnly(ChannelKind.SMS);
        assertThat(order.get(101)).isEqualTo(ChannelKind.RADIO);
    }

    @Test
    void smsAreOfferedBeforeTheResolutionOfTheAlertsAreasHasFinished() {
        GatedResolver resolver = new GatedResolver(new FakeResolver(13800000000L, 5000, List.of("cmcc"),
                List.of("zh-CN"), Map.of("cmcc", List.of("c1")), List.of(), List.of(), 1000));
        f = new EngineFixture(dir, resolver, clock)
                .connector("sms-cmcc", ChannelKind.SMS, "cmcc")
                .connector("cbc-cmcc", ChannelKind.CELL_BROADCAST, "cmcc");
        f.start();
        String id = f.submit(submission(alert("A1", "Extreme", "Immediate", EXPIRES))).alertId();

        // Every resolution is held open: neither the whole-area part nor the end of the stream is known yet.
        await().atMost(Duration.ofSeconds(20)).until(() -> f.get("sms-cmcc").offerCount() > 0);
        assertThat(resolver.gate.getCount()).isEqualTo(1);
        assertThat(f.get("cbc-cmcc").offerCount()).isZero();
        assertThat(f.view(id).state()).isNotEqualTo(AlertState.DONE);

        resolver.gate.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> f.view(id).state() == AlertState.DONE);
        assertThat(f.get("cbc-cmcc").offered()).singleElement()
                .satisfies(d -> assertThat(d.target().cells()).containsExactly("c1"));
        List<Dispatch> sms = f.get("sms-cmcc").offered();
        Set<String> addresses = new HashSet<>();
        sms.forEach(d -> addresses.add(d.target().address()));
        assertThat(sms).hasSize(5000);
        assertThat(addresses).hasSize(5000);
    }

    @Test
    void theCellBroadcastIsOfferedWhileTheRecipientStreamIsHeldBackByFullQueues() {
        FakeResolver city = new FakeResolver(13800000000L, 40_000, List.of("cmcc"), List.of("zh-CN"),
                Map.of("cmcc", List.of("c1", "c2")), List.of(), List.of(), 1000);
        f = new EngineFixture(dir, city, clock)
                .connector("sms-cmcc", ChannelKind.SMS, "cmcc", new DispatchLimits(0, 1000, 256, 2000))
                .connector("cbc-cmcc", ChannelKind.CELL_BROADCAST, "cmcc")
                .create();
        f.get("sms-cmcc").connected(false); // SMS queue fills up to maxQueued and planning of recipients pauses
        f.start();
        String id = f.submit(submission(alert("A1", "Extreme", "Immediate", EXPIRES))).alertId();

        await().atMost(Duration.ofSeconds(20)).until(() -> f.get("cbc-cmcc").offerCount() == 1);
        assertThat(f.engine().metrics().queued()).isLessThan(40_000);
        assertThat(f.view(id).state()).isNotEqualTo(AlertState.DONE);

        f.get("sms-cmcc").connected(true);
        clock.advance(Duration.ofSeconds(2)); // past the NOT_CONNECTED back-off
        await().atMost(Duration.ofSeconds(40)).until(() -> f.view(id).state() == AlertState.DONE);
        assertThat(f.get("sms-cmcc").offerCount()).isEqualTo(40_000);
    }

    @Test
    void aWaitingCellBroadcastIsOfferedBeforeAStepOfBulkSms() {
        FakeResolver city = new FakeResolver(13800000000L, 3000, List.of("cmcc"), List.of("zh-CN"),
                Map.of("cmcc", List.of("c1")), List.of(), List.of(), 1000);
        f = new EngineFixture(dir, city, clock)
                .connector("sms-cmcc", ChannelKind.SMS, "cmcc") // configured first: the router's first queue
                .connector("cbc-cmcc", ChannelKind.CELL_BROADCAST, "cmcc")
                .create();
        java.util.concurrent.atomic.AtomicInteger order = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger cbsAt = new java.util.concurrent.atomic.AtomicInteger(-1);
        f.get("sms-cmcc").connected(false).onOffer(d -> order.incrementAndGet());
        f.get("cbc-cmcc").connected(false).onOffer(d -> cbsAt.set(order.getAndIncrement()));
        f.start();
        String id = f.submit(submission(alert("A1", "Extreme", "Immediate", EXPIRES))).alertId();
        await().atMost(Duration.ofSeconds(20)).until(() -> f.engine().metrics().queued() == 3001);

        f.get("sms-cmcc").connected(true);
        f.get("cbc-cmcc").connected(true);
        clock.advance(Duration.ofSeconds(2)); // both past their NOT_CONNECTED back-off in the same pass
        await().atMost(Duration.ofSeconds(20)).until(() -> f.view(id).state() == AlertState.DONE);
        assertThat(cbsAt.get()).as("offers before the cell broadcast").isZero();
        assertThat(order.get()).isEqualTo(3001);
    }
}
