package io.tocsin.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tocsin.audio.Multimon;
import io.tocsin.audio.TestAlerts;
import io.tocsin.connector.Connector;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.SendResult;
import io.tocsin.sim.icecast.IcecastServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real Debian icecast2 on loopback: the connector streams an alert to a mount as a source, a plain
 * listener reads it back, and multimon-ng decodes the SAME header from what the listener heard.
 */
@Timeout(90)
class RadioIcecastTest {

    @TempDir
    Path dir;
    private IcecastServer icecast;

    @BeforeEach
    void startIcecast() throws Exception {
        assumeTrue(IcecastServer.installed(), "icecast2 is not installed (apt-get install -y icecast2): skipped");
        icecast = new IcecastServer(dir);
    }

    @AfterEach
    void stopIcecast() throws Exception {
        if (icecast != null) {
            icecast.close();
        }
    }

    private String settings(double speed, boolean tts) {
        return """
                {"same": {"station": "GZMB/TOC", "locationCodes": {"440106": "044106", "440104": "044104"}},
                 "audio": {"sampleRate": 22050, "attentionSeconds": 8, "languages": ["zh", "en"]},
                 "tts": {"enabled": %s},
                 "streamSpeed": %s,
                 "transmitters": {"gz-fm-962": {"icecast": {"url": "%s", "user": "source", "password": "%s"}}}}
                """.formatted(tts, speed, icecast.url("/gz-fm-962.wav"), IcecastServer.PASSWORD);
    }

    @Test
    void alertStreamedToAMountIsHeardByAListenerAndItsHeaderDecodes() throws Exception {
        assumeTrue(Multimon.installed(), "multimon-ng/sox not installed: cannot decode what the listener heard");
        TestContext ctx = new TestContext(settings(4.0, true), Clock.systemUTC());
        Listener listener = new Listener(icecast.port(), "/gz-fm-962.wav", TimeUnit.SECONDS.toNanos(30));
        try (Connector radio = new RadioConnectorFactory().create(ctx)) {
            var alert = TestAlerts.typhoon("Actual");
            var d = RadioConnectorTest.dispatch(7, "T-1", DispatchAction.SEND, alert, "gz-fm-962", null);
            assertThat(radio.offer(new io.tocsin.connector.Dispatch(d.id(), d.alertId(), d.action(), alert, d.target(),
                    null, 0, null))).isEqualTo(SendResult.ACCEPTED);

            byte[] heard = listener.body.get(60, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(10)).until(() -> ctx.states(7).contains(DispatchState.DELIVERED));
            assertThat(ctx.states(7)).containsExactly(DispatchState.SUBMITTED, DispatchState.ACCEPTED,
                    DispatchState.DELIVERED);
            assertThat(ctx.last(7).reason()).startsWith("aired ");
            assertThat(new String(heard, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            Path wav = dir.resolve("heard.wav");
            Files.write(wav, fixLength(heard));
            assertThat(Multimon.decode(wav)).containsExactly("ZCZC-WXR-HUW-044106-044104+0600-2570000-GZMB/TOC-",
                    "NNNN", "NNNN", "NNNN");
        } finally {
            listener.cancel();
        }
    }

    @Test
    void cancelCutsTheStreamAtOnceAndIsNeverAired() throws Exception {
        TestContext ctx = new TestContext(settings(1.0, false), Clock.systemUTC());
        Listener listener = new Listener(icecast.port(), "/gz-fm-962.wav", TimeUnit.SECONDS.toNanos(30));
        try (Connector radio = new RadioConnectorFactory().create(ctx)) {
            var alert = TestAlerts.typhoon("Actual");
            assertThat(radio.offer(new io.tocsin.connector.Dispatch(1, "T-1", DispatchAction.SEND, alert,
                    RadioConnectorTest.dispatch(1, "T-1", DispatchAction.SEND, alert, "gz-fm-962", null).target(),
                    null, 0, null))).isEqualTo(SendResult.ACCEPTED);
            listener.connected.get(20, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> ctx.states(1).contains(DispatchState.ACCEPTED));

            var cancel = TestAlerts.alert("C-1", "Actual", "Cancel", "2026-09-14T08:05:00+08:00", alert.infos());
            long cancelledAt = System.nanoTime();
            assertThat(radio.offer(new io.tocsin.connector.Dispatch(2, "C-1", DispatchAction.CANCEL, cancel,
                    RadioConnectorTest.dispatch(2, "C-1", DispatchAction.CANCEL, cancel, "gz-fm-962", null).target(),
                    null, 0, "T-1"))).isEqualTo(SendResult.ACCEPTED);

            byte[] heard = listener.body.get(10, TimeUnit.SECONDS);
            double endedAfter = (System.nanoTime() - cancelledAt) / 1e9;
            assertThat(endedAfter).as("stream ended %.2f s after the cancel", endedAfter).isLessThan(3.0);
            assertThat(heard.length / 2.0 / 22050).as("seconds heard").isLessThan(10.0);
            assertThat(ctx.states(1)).containsExactly(DispatchState.SUBMITTED, DispatchState.ACCEPTED,
                    DispatchState.CANCELLED);
            assertThat(ctx.states(2)).containsExactly(DispatchState.DELIVERED);
            assertThat(ctx.last(2).reason()).contains("airing stopped");
            assertThat(radio.inFlight()).isZero();
        } finally {
            listener.cancel();
        }
    }

    /** The stream's RIFF header leaves the length open; give the file its real length for sox. */
    private static byte[] fixLength(byte[] wav) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(4, wav.length - 8);
        b.putInt(40, wav.length - 44);
        return wav;
    }
}
