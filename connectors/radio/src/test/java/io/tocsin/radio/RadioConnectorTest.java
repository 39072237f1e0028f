package io.tocsin.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.audio.Multimon;
import io.tocsin.audio.TestAlerts;
import io.tocsin.cap.Alert;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Connector;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.Rendering;
import io.tocsin.connector.SendResult;
import io.tocsin.connector.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The radio connector through its SPI: WAV drop, routing of exercises, renderings. */
@Timeout(60)
class RadioConnectorTest {

    @TempDir
    Path dir;

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-14T00:10:00Z"), java.time.ZoneOffset.UTC);

    String settings(Path drop, Path testDrop) {
        return """
                {"same": {"station": "GZMB/TOC", "locationCodes": {"440106": "044106", "440104": "044104"}},
                 "audio": {"sampleRate": 22050, "attentionSeconds": 8, "languages": ["zh", "en"]},
                 "tts": {"enabled": false},
                 "transmitters": {
                   "gz-fm-962": {"dropDir": "%s"},
                   "gz-test":   {"dropDir": "%s", "testOutput": true}}}
                """.formatted(drop, testDrop);
    }

    static Dispatch dispatch(long id, String alertId, DispatchAction action, Alert alert, String tx, String replaces) {
        return new Dispatch(id, alertId, action, alert, new Target(ChannelKind.RADIO, tx, null, null, null, null),
                Instant.parse("2026-09-14T06:00:00Z"), 0, replaces);
    }

    @Test
    void factoryIsFoundThroughServiceLoader() {
        assertThat(ServiceLoader.load(io.tocsin.connector.ConnectorFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.type().equals("radio")).findFirst())
                .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(ChannelKind.RADIO));
    }

    @Test
    void exerciseIsDroppedAsWavOnTheTestOutputOnlyAndDecodesAsDemo() throws Exception {
        Path drop = dir.resolve("live");
        Path testDrop = dir.resolve("test");
        TestContext ctx = new TestContext(settings(drop, testDrop), CLOCK);
        try (Connector radio = new RadioConnectorFactory().create(ctx)) {
            Alert exercise = TestAlerts.typhoon("Exercise");

            assertThat(radio.offer(dispatch(1, "ex-1", DispatchAction.SEND, exercise, "gz-fm-962", null)))
                    .isEqualTo(SendResult.REJECTED);
            assertThat(radio.offer(dispatch(2, "ex-1", DispatchAction.SEND, exercise, "gz-test", null)))
                    .isEqualTo(SendResult.ACCEPTED);
            assertThat(radio.offer(dispatch(3, "real-1", DispatchAction.SEND, TestAlerts.typhoon("Actual"), "gz-test",
                    null))).isEqualTo(SendResult.REJECTED);

            await().atMost(Duration.ofSeconds(20)).until(() -> ctx.states(2).contains(DispatchState.DELIVERED));
            assertThat(ctx.states(2)).containsExactly(DispatchState.SUBMITTED, DispatchState.ACCEPTED,
                    DispatchState.DELIVERED);
            assertThat(ctx.last(2).reason()).contains("text-to-speech").contains("tones only");
            Path wav = WavDrop.fileFor(testDrop, "ex-1", 2, 1);
            assertThat(wav).exists();
            assertThat(Files.exists(drop)).isFalse();
            if (Multimon.installed()) {
                assertThat(Multimon.decode(wav)).first().asString().startsWith("ZCZC-WXR-DMO-044106-044104+0600-");
            }
        }
    }

    @Test
    void airingRepeatsPerSettingsWhileTheAlertIsValidAndStopsOnCancel() throws Exception {
        Path drop = dir.resolve("live");
        String json = """
                {"same": {"station": "GZMB/TOC", "locationCodes": {"440106": "044106"}},
                 "tts": {"enabled": false},
                 "repeat": {"count": 3, "intervalSeconds": 1},
                 "transmitters": {"gz-fm-962": {"dropDir": "%s"}}}
                """.formatted(drop);
        TestContext ctx = new TestContext(json, Clock.systemUTC());
        try (Connector radio = new RadioConnectorFactory().create(ctx)) {
            Alert alert = TestAlerts.typhoon("Actual");
            Dispatch d = new Dispatch(1, "T-1", DispatchAction.SEND, alert, dispatch(1, "T-1", DispatchAction.SEND,
                    alert, "gz-fm-962", null).target(), Instant.now().plusSeconds(3600), 0, null);
            assertThat(radio.offer(d)).isEqualTo(SendResult.ACCEPTED);

            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(WavDrop.fileFor(drop, "T-1", 1, 2)));
            Alert cancel = TestAlerts.alert("C-1", "Actual", "Cancel", "2026-09-14T08:05:00+08:00", alert.infos());
            radio.offer(new Dispatch(2, "C-1", DispatchAction.CANCEL, cancel, d.target(), null, 0, "T-1"));

            assertThat(ctx.states(1)).containsExactly(DispatchState.SUBMITTED, DispatchState.ACCEPTED,
                    DispatchState.DELIVERED);
            assertThat(ctx.last(2).reason()).contains("airing stopped");
            assertThat(radio.inFlight()).isZero();
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                    .until(() -> !Files.exists(WavDrop.fileFor(drop, "T-1", 1, 3)));
        }
    }

    @Test
    void unreachableIcecastPutsTheDispatchBackForRetryAndDegradesHealth() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        String json = """
                {"same": {"station": "GZMB/TOC", "locationCodes": {"440106": "044106"}},
                 "tts": {"enabled": false},
                 "transmitters": {"gz-fm-962": {"icecast": {"url": "http://127.0.0.1:%d/gz", "password": "pw"}}}}
                """.formatted(closedPort);
        TestContext ctx = new TestContext(json, Clock.systemUTC());
        try (Connector radio = new RadioConnectorFactory().create(ctx)) {
            assertThat(radio.health().status()).isEqualTo(io.tocsin.connector.ConnectorHealth.Status.UP);

            Dispatch d = dispatch(1, "T-1", DispatchAction.SEND, TestAlerts.typhoon("Actual"), "gz-fm-962", null);
            radio.offer(new Dispatch(1, "T-1", DispatchAction.SEND, d.alert(), d.target(), Instant.now().plusSeconds(600),
                    0, null));

            await().atMost(Duration.ofSeconds(20)).until(() -> ctx.states(1).contains(DispatchState.PLANNED));
            assertThat(ctx.states(1)).containsExactly(DispatchState.SUBMITTED, DispatchState.PLANNED);
            assertThat(ctx.last(1).reason()).contains("unreachable").doesNotContain("pw");
            assertThat(radio.health().status()).isEqualTo(io.tocsin.connector.ConnectorHealth.Status.DEGRADED);
            assertThat(radio.health().detail()).contains("gz-fm-962").contains("127.0.0.1:" + closedPort);

            // the engine offers it again at once: the transmitter waits out its back-off before trying again
            radio.offer(new Dispatch(1, "T-1", DispatchAction.SEND, d.alert(), d.target(),
                    Instant.now().plusSeconds(600), 0, null));
            await().atMost(Duration.ofSeconds(5)).until(() -> ctx.states(1).size() == 4);
            assertThat(ctx.states(1)).containsExactly(DispatchState.SUBMITTED, DispatchState.PLANNED,
                    DispatchState.SUBMITTED, DispatchState.PLANNED);
            List<io.tocsin.connector.DeliveryReceipt> rs = ctx.receipts.stream().filter(r -> r.dispatchId() == 1)
                    .toList();
            assertThat(Duration.between(rs.get(1).at(), rs.get(2).at())).as("waited out the first back-off")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(240));
        }
    }

    @Test
    void unknownTransmitterIsRejectedAndCancelOfNothingIsNeverAired() throws Exception {
        TestContext ctx = new TestContext(settings(dir.resolve("a"), dir.resolve("b")), CLOCK);
        try (Connector radio = new RadioConnectorFactory().create(ctx)) {
            assertThat(radio.offer(dispatch(1, "x", DispatchAction.SEND, TestAlerts.typhoon("Actual"), "nope", null)))
                    .isEqualTo(SendResult.REJECTED);
            Alert cancel = TestAlerts.alert("C", "Actual", "Cancel", "2026-09-14T08:05:00+08:00",
                    TestAlerts.typhoon("Actual").infos());

            assertThat(radio.offer(dispatch(2, "c-1", DispatchAction.CANCEL, cancel, "gz-fm-962", "never-sent")))
                    .isEqualTo(SendResult.ACCEPTED);

            assertThat(ctx.states(2)).containsExactly(DispatchState.DELIVERED);
            assertThat(ctx.last(2).reason()).contains("nothing airing");
            assertThat(dir.resolve("a")).doesNotExist();
        }
    }

    @Test
    void renderCountsSameLocationCodesAgainstThe31Budget() throws Exception {
        TestContext ctx = new TestContext(settings(dir.resolve("a"), dir.resolve("b")), CLOCK);
        Alert many = TestAlerts.alert("M", "Actual", "Alert", "2026-09-14T00:00:00Z", List.of(TestAlerts.info("zh-CN",
                "Met", "暴雨", "2026-09-14T01:30:00Z", "暴雨红色预警", "停课停工。", List.of(), TestAlerts.sameCodes(40))));
        try (Connector radio = new RadioConnectorFactory().create(ctx)) {
            List<Rendering> r = radio.render(many);

            Rendering same = r.get(0);
            assertThat(same.units()).isEqualTo(40);
            assertThat(same.budget()).isEqualTo(31);
            assertThat(same.fits()).isFalse();
            assertThat(same.detail()).contains("2 SAME messages");
            assertThat(same.text().lines()).hasSize(2).allMatch(l -> l.startsWith("ZCZC-WXR-FFW-") && l.contains("+0130-"));
            assertThat(r.get(1).text()).isEqualTo("暴雨红色预警。停课停工。");
        }
    }

    @Test
    void badSettingsNameTheSetting() {
        Stream.of("{\"same\": {\"station\": \"GZMB/TOC\"}, \"transmitters\": {}}",
                "{\"same\": {\"station\": \"GZMB/TOC\"}, \"transmitters\": {\"t\": {}}}",
                "{\"same\": {\"station\": \"GZ\"}, \"transmitters\": {\"t\": {\"dropDir\": \"/tmp\"}}}")
                .forEach(json -> {
                    try {
                        new RadioConnectorFactory().create(new TestContext(json, CLOCK));
                        throw new AssertionError("accepted " + json);
                    } catch (IllegalArgumentException expected) {
                        assertThat(expected.getMessage()).containsAnyOf("transmitters", "same.station");
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
    }
}
