package io.tocsin.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.ledger.AlertState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventHubTest {

    private final MutableLedger ledger = new MutableLedger();
    private final Metrics metrics = new Metrics();
    private final EventHub hub = new EventHub(ledger, metrics, Duration.ofMillis(50), Duration.ofSeconds(15));

    @Test
    void newClientGetsASnapshotOfEveryAlertThenOnlyChanges() {
        ledger.put(Fixtures.view("a1", "Actual", AlertState.DISPATCHING, 100, 10, null),
                Fixtures.submission("a1", "Actual", "Public"));
        hub.poll();
        RecordingSubscriber client = new RecordingSubscriber(100);
        hub.subscribe(client);
        hub.poll();

        List<String> first = client.drain();
        assertThat(first).hasSize(1);
        assertThat(first.get(0)).startsWith("retry: 2000\n\n").contains("event: snapshot\n")
                .contains("\"id\":\"a1\"").contains("\"colour\":\"red\"").contains("\"regions\":[\"440106\"]")
                .contains("\"headlineEn\":\"Red typhoon warning\"").endsWith("\n\n");

        hub.poll();
        assertThat(client.drain()).as("nothing changed, nothing sent").isEmpty();

        ledger.put(Fixtures.view("a1", "Actual", AlertState.DISPATCHING, 100, 60, null));
        hub.poll();
        List<String> update = client.drain();
        assertThat(update).singleElement().satisfies(f -> {
            assertThat(f).contains("event: alert\n").contains("\"delivered\":60");
            assertThat(f.split("\n\n")[0].lines()).allMatch(l -> l.startsWith("id: ") || l.startsWith("event: ")
                    || l.startsWith("data: "));
        });
    }

    @Test
    void withAChangeLogEachPollLooksOnlyAtTheAlertsThatChanged() {
        MutableLedger logged = new MutableLedger().keepingAChangeLog();
        EventHub onLog = new EventHub(logged, new Metrics(), Duration.ofMillis(50), Duration.ofSeconds(15));
        for (int i = 0; i < 50; i++) {
            logged.put(Fixtures.view("b" + i, "Actual", AlertState.DISPATCHING, 100, 10, null),
                    Fixtures.submission("b" + i, "Actual", "Public"));
        }
        onLog.poll();
        RecordingSubscriber client = new RecordingSubscriber(100);
        onLog.subscribe(client);
        onLog.poll();
        assertThat(client.drain()).singleElement().asString().contains("event: snapshot").contains("\"id\":\"b49\"");

        logged.put(Fixtures.view("b7", "Actual", AlertState.DISPATCHING, 100, 70, null));
        onLog.poll();
        assertThat(client.drain()).singleElement().asString().contains("\"id\":\"b7\"").contains("\"delivered\":70");
        assertThat(logged.fullScans()).as("no poll read the whole ledger").isZero();
        assertThat(onLog.alerts()).hasSize(50);
    }

    @Test
    void slowClientIsDroppedWhileOthersKeepReceiving() {
        RecordingSubscriber slow = new RecordingSubscriber(2);
        RecordingSubscriber fast = new RecordingSubscriber(1000);
        hub.subscribe(slow);
        hub.subscribe(fast);
        for (int i = 1; i <= 10; i++) {
            ledger.put(Fixtures.view("a1", "Actual", AlertState.DISPATCHING, 100, i, null));
            hub.poll();
            fast.drain();
        }
        assertThat(slow.closed()).isTrue();
        assertThat(fast.closed()).isFalse();
        assertThat(hub.clients()).isEqualTo(1);
        assertThat(metrics.scrape()).contains("tocsin_console_sse_dropped_total{application=\"tocsin\"} 1.0");

        ledger.put(Fixtures.view("a1", "Actual", AlertState.DONE, 100, 100, null));
        hub.poll();
        assertThat(fast.drain()).singleElement().asString().contains("\"state\":\"DONE\"");
    }

    @Test
    void heartbeatIsACommentFrameToEveryClient() {
        RecordingSubscriber client = new RecordingSubscriber(10);
        hub.subscribe(client);
        hub.poll();
        client.drain();
        hub.heartbeat();
        assertThat(client.drain()).containsExactly(": heartbeat\n\n");
    }

    @Test
    void unsubscribedClientGetsNothingAndIsNotCountedAsDropped() {
        RecordingSubscriber client = new RecordingSubscriber(10);
        hub.subscribe(client);
        hub.poll();
        hub.unsubscribe(client);
        client.drain();
        ledger.put(Fixtures.view("a2", "Actual", AlertState.ACTIVE, 10, 0, null));
        hub.poll();
        assertThat(client.drain()).isEmpty();
        assertThat(hub.clients()).isZero();
        assertThat(metrics.scrape()).contains("tocsin_console_sse_dropped_total{application=\"tocsin\"} 0.0");
    }

    @Test
    void anUnwatchedConsoleNotesNothingAndAJoinerAfterTheLogMovedOnStillGetsEveryAlert() {
        MutableLedger logged = new MutableLedger().keepingAChangeLog(100);
        EventHub unwatched = new EventHub(logged, new Metrics(), Duration.ofMillis(50), Duration.ofSeconds(15));
        for (int i = 0; i < 250; i++) {
            logged.put(Fixtures.view("m" + i, "Actual", AlertState.DONE, 100, 100, null),
                    Fixtures.submission("m" + i, "Actual", "Public"));
            if (i % 20 == 0) {
                assertThat(unwatched.poll()).isZero();
            }
        }
        assertThat(unwatched.noted()).isZero();
        assertThat(logged.fullScans()).as("an unwatched poll reads nothing").isZero();

        RecordingSubscriber client = new RecordingSubscriber(100);
        unwatched.subscribe(client);
        unwatched.poll();
        String snapshot = client.drain().get(0);
        for (int i = 0; i < 250; i++) {
            assertThat(snapshot).contains("\"id\":\"m" + i + "\"");
        }
        assertThat(snapshot).contains("\"colour\":\"red\"");
        assertThat(logged.fullScans()).as("the log had moved on: one rescan").isEqualTo(1);

        logged.put(Fixtures.view("m3", "Actual", AlertState.DONE, 100, 90, null));
        unwatched.poll();
        assertThat(client.drain()).singleElement().asString().contains("\"id\":\"m3\"").contains("\"delivered\":90");
        assertThat(logged.fullScans()).as("then only the log").isEqualTo(1);
    }

    @Test
    void alertsAskedWhileUnwatchedReflectEveryChange() {
        MutableLedger logged = new MutableLedger().keepingAChangeLog(100);
        EventHub unwatched = new EventHub(logged, new Metrics(), Duration.ofMillis(50), Duration.ofSeconds(15));
        logged.put(Fixtures.view("k1", "Actual", AlertState.DISPATCHING, 100, 10, null),
                Fixtures.submission("k1", "Actual", "Public"));
        unwatched.poll();
        assertThat(unwatched.alerts()).singleElement().satisfies(a -> assertThat(a.id()).isEqualTo("k1"));
        logged.put(Fixtures.view("k1", "Actual", AlertState.DONE, 100, 100, null));
        logged.put(Fixtures.view("k2", "Actual", AlertState.ACTIVE, 10, 0, null),
                Fixtures.submission("k2", "Actual", "Public"));
        unwatched.poll();
        assertThat(unwatched.alerts()).extracting(ConsoleAlert::id).containsExactlyInAnyOrder("k1", "k2");
        assertThat(unwatched.alerts()).filteredOn(a -> a.id().equals("k1")).singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.DONE));
    }
}
