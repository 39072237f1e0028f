package io.tocsin.tv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tocsin.audio.TestAlerts;
import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.NamedValue;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.connector.ConnectorFactory;
import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.Rendering;
import io.tocsin.connector.SendResult;
import io.tocsin.connector.Target;
import io.tocsin.sim.playout.AmcpSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The TV connector against the AMCP playout simulator over TCP, asserting the exact command lines. */
@Timeout(60)
class TvConnectorTest {

    @TempDir
    Path media;
    private AmcpSimulator playout;
    private Connector tv;
    private final ConcurrentLinkedQueue<DeliveryReceipt> receipts = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws Exception {
        playout = AmcpSimulator.start(0);
        tv = connector(200);
    }

    @AfterEach
    void stop() throws Exception {
        tv.close();
        playout.close();
    }

    private Connector connector(int budget) throws Exception {
        String json = """
                {"same": {"station": "GZMB/TOC", "locationCodes": {"440106": "044106", "440104": "044104"}},
                 "audio": {"sampleRate": 22050, "attentionSeconds": 8},
                 "tts": {"enabled": false},
                 "stations": {
                   "gztv-news": {"host": "127.0.0.1", "port": %d, "channel": 1, "cgLayer": 20, "audioLayer": 10,
                                 "template": "tocsin/crawl", "languages": ["zh", "en"], "crawlBudget": %d,
                                 "mediaDir": "%s"},
                   "gztv-test": {"host": "127.0.0.1", "port": %d, "channel": 2, "cgLayer": 20, "audioLayer": 10,
                                 "languages": ["zh"], "testOutput": true}}}
                """.formatted(playout.port(), budget, media, playout.port());
        JsonNode settings = new ObjectMapper().readTree(json);
        ConnectorFactory factory = ServiceLoader.load(ConnectorFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals("tv")).findFirst().orElseThrow();
        return factory.create(ConnectorContext.of("tv", settings, receipts::add, Clock.systemUTC()));
    }

    private static Dispatch dispatch(long id, String alertId, DispatchAction action, Alert alert, String station,
                                     String replaces, Instant expires) {
        return new Dispatch(id, alertId, action, alert, new Target(ChannelKind.TV, station, null, null, null, null),
                expires, 0, replaces);
    }

    private List<DispatchState> states(long id) {
        return receipts.stream().filter(r -> r.dispatchId() == id).map(DeliveryReceipt::state).toList();
    }

    private DeliveryReceipt last(long id) {
        return receipts.stream().filter(r -> r.dispatchId() == id).reduce((a, b) -> b).orElseThrow();
    }

    private void awaitFinal(long id, DispatchState state) {
        await().atMost(Duration.ofSeconds(10)).until(() -> states(id).contains(state));
    }

    private static Alert update(Alert original) {
        AlertInfo zh = original.infos().get(0);
        AlertInfo zhNew = new AlertInfo(zh.language(), zh.categories(), zh.event(), zh.responseTypes(), zh.urgency(),
                zh.severity(), zh.certainty(), zh.audience(), zh.eventCodes(), zh.effective(), zh.onset(), zh.expires(),
                zh.senderName(), "广州市台风红色预警（更新）", zh.description(), "停课停工，\"不要\"外出。", zh.web(),
                zh.contact(), zh.parameters(), zh.resources(), zh.areas());
        return TestAlerts.alert("U-1", "Actual", "Update", "2026-09-14T09:00:00+08:00",
                List.of(zhNew, original.infos().get(1)));
    }

    @Test
    void showThenUpdateThenClearOnCancelSendsExactlyTheseCommands() throws Exception {
        Alert alert = TestAlerts.typhoon("Actual");
        Instant later = Instant.now().plusSeconds(3600);

        assertThat(tv.offer(dispatch(1, "T-1", DispatchAction.SEND, alert, "gztv-news", null, later)))
                .isEqualTo(SendResult.ACCEPTED);
        awaitFinal(1, DispatchState.DELIVERED);
        assertThat(tv.offer(dispatch(2, "U-1", DispatchAction.UPDATE, update(alert), "gztv-news", "T-1", later)))
                .isEqualTo(SendResult.ACCEPTED);
        awaitFinal(2, DispatchState.DELIVERED);
        Alert cancel = TestAlerts.alert("C-1", "Actual", "Cancel", "2026-09-14T10:00:00+08:00", alert.infos());
        assertThat(tv.offer(dispatch(3, "C-1", DispatchAction.CANCEL, cancel, "gztv-news", "U-1", later)))
                .isEqualTo(SendResult.ACCEPTED);
        awaitFinal(3, DispatchState.DELIVERED);

        assertThat(playout.commands()).containsExactly(
                "CG 1-20 ADD 1 \"tocsin/crawl\" 1 \"<templateData><componentData id=\\\"f0\\\"><data id=\\\"text\\\" "
                        + "value=\\\"广州市台风红色预警：请留在室内，远离门窗。  ◆  Red typhoon warning for Guangzhou: "
                        + "Stay indoors and away from windows.\\\"/></componentData><componentData id=\\\"f1\\\">"
                        + "<data id=\\\"text\\\" value=\\\"red\\\"/></componentData></templateData>\"",
                "PLAY 1-10 \"tocsin/T-1\"",
                "CG 1-20 UPDATE 1 \"<templateData><componentData id=\\\"f0\\\"><data id=\\\"text\\\" "
                        + "value=\\\"广州市台风红色预警（更新）：停课停工，&quot;不要&quot;外出。  ◆  Red typhoon warning for "
                        + "Guangzhou: Stay indoors and away from windows.\\\"/></componentData><componentData "
                        + "id=\\\"f1\\\"><data id=\\\"text\\\" value=\\\"red\\\"/></componentData></templateData>\"",
                "PLAY 1-10 \"tocsin/U-1\"",
                "CG 1-20 CLEAR",
                "CLEAR 1-10");
        assertThat(states(1)).containsExactly(DispatchState.SUBMITTED, DispatchState.ACCEPTED, DispatchState.DELIVERED);
        assertThat(last(1).reason()).contains("crawl on air").contains("audio playing");
        assertThat(last(3).reason()).contains("cleared from air");
        assertThat(media.resolve("tocsin/T-1.wav")).exists();
        assertThat(media.resolve("tocsin/U-1.wav")).exists();
        assertThat(playout.onAir()).isEmpty();
    }

    @Test
    void crawlOverBudgetIsRefusedAndRenderSaysByHowMuch() throws Exception {
        tv.close();
        tv = connector(60);
        Alert alert = TestAlerts.typhoon("Actual");

        List<Rendering> r = tv.render(alert);
        assertThat(r).filteredOn(x -> x.detail().startsWith("station gztv-news")).singleElement().satisfies(x -> {
            assertThat(x.fits()).isFalse();
            assertThat(x.budget()).isEqualTo(60);
            assertThat(x.units()).isEqualTo(x.text().codePointCount(0, x.text().length())).isGreaterThan(60);
            assertThat(x.text()).endsWith("Stay indoors and away from windows.");
            assertThat(x.detail()).contains("too long by " + (x.units() - 60));
        });
        assertThat(tv.offer(dispatch(1, "T-1", DispatchAction.SEND, alert, "gztv-news", null, null)))
                .isEqualTo(SendResult.REJECTED);
        assertThat(playout.commands()).isEmpty();
    }

    @Test
    void exerciseGoesOnlyToTheTestStationMarkedAsExercise() {
        Alert exercise = TestAlerts.typhoon("Exercise");

        assertThat(tv.offer(dispatch(1, "E-1", DispatchAction.SEND, exercise, "gztv-news", null, null)))
                .isEqualTo(SendResult.REJECTED);
        assertThat(tv.offer(dispatch(2, "E-1", DispatchAction.SEND, exercise, "gztv-test", null, null)))
                .isEqualTo(SendResult.ACCEPTED);
        awaitFinal(2, DispatchState.DELIVERED);

        assertThat(playout.commands()).singleElement().asString()
                .startsWith("CG 2-20 ADD 1 \"tocsin/crawl\" 1 ")
                .contains("value=\\\"【演习】广州市台风红色预警：请留在室内，远离门窗。\\\"");
        assertThat(tv.offer(dispatch(3, "A-1", DispatchAction.SEND, TestAlerts.typhoon("Actual"), "gztv-test", null,
                null))).isEqualTo(SendResult.REJECTED);
    }

    @Test
    void errorReplyFailsTheDispatchWithTheServersWords() {
        playout.failNext(1, "404 CG FAILED");

        tv.offer(dispatch(1, "T-1", DispatchAction.SEND, TestAlerts.typhoon("Actual"), "gztv-news", null, null));

        awaitFinal(1, DispatchState.FAILED);
        assertThat(last(1).reason()).isEqualTo("crawl not shown: 404 CG FAILED");
    }

    @Test
    void droppedOrRefusedLinkPutsTheDispatchBackForRetryAndTheNextOfferReconnects() {
        playout.dropAfter(1);
        tv.offer(dispatch(1, "T-1", DispatchAction.SEND, TestAlerts.typhoon("Actual"), "gztv-news", null, null));
        awaitFinal(1, DispatchState.PLANNED);
        assertThat(last(1).reason()).contains("closed the link");

        playout.refuseConnections(true);
        tv.offer(dispatch(2, "T-2", DispatchAction.SEND, TestAlerts.typhoon("Actual"), "gztv-news", null, null));
        awaitFinal(2, DispatchState.PLANNED);
        assertThat(tv.health().status()).isEqualTo(io.tocsin.connector.ConnectorHealth.Status.DEGRADED);
        assertThat(tv.health().detail()).startsWith("gztv-news: playout server 127.0.0.1:" + playout.port());

        playout.refuseConnections(false);
        tv.offer(dispatch(3, "T-1", DispatchAction.SEND, TestAlerts.typhoon("Actual"), "gztv-news", null, null));
        awaitFinal(3, DispatchState.DELIVERED);
        assertThat(playout.connectionsAccepted()).isGreaterThanOrEqualTo(3);
        assertThat(playout.onAir()).containsKeys("1-20", "1-10");
        assertThat(tv.health().status()).isEqualTo(io.tocsin.connector.ConnectorHealth.Status.UP);
    }

    @Test
    void crawlIsClearedWhenTheAlertExpires() {
        Instant soon = Instant.now().plusMillis(500);

        tv.offer(dispatch(1, "T-1", DispatchAction.SEND, TestAlerts.typhoon("Actual"), "gztv-news", null, soon));
        awaitFinal(1, DispatchState.DELIVERED);

        await().atMost(Duration.ofSeconds(5)).until(() -> playout.onAir().isEmpty());
        List<String> cmds = playout.commands();
        assertThat(cmds.subList(cmds.size() - 2, cmds.size())).containsExactly("CG 1-20 CLEAR", "CLEAR 1-10");
    }

    @Test
    void cancelOfSomethingNotOnAirSendsNothing() {
        Alert cancel = TestAlerts.alert("C-9", "Actual", "Cancel", "2026-09-14T10:00:00+08:00",
                List.of(TestAlerts.info("zh-CN", "Met", "台风", null, "取消", null, List.<NamedValue>of(),
                        TestAlerts.sameCodes(1))));

        tv.offer(dispatch(1, "C-9", DispatchAction.CANCEL, cancel, "gztv-news", "never-shown", null));

        awaitFinal(1, DispatchState.DELIVERED);
        assertThat(last(1).reason()).contains("nothing of never-shown on air");
        assertThat(playout.commands()).isEmpty();
    }
}
