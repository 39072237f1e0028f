package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.connector.Connector;
import io.tocsin.connector.DispatchState;
import io.tocsin.journal.ChronicleJournal;
import io.tocsin.journal.JournalConfig;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.ledger.Ledger;
import io.tocsin.ledger.LedgerReplay;
import io.tocsin.pipeline.Engine;
import io.tocsin.sim.smpp.SmscConfig;
import io.tocsin.sim.smpp.SmscSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery receipts after {@code kill -9}: an engine process ({@link RestartChild}) on a real Chronicle journal
 * sends an alert through the SMPP connector to three simulated SMSCs that hold their receipts back; once every
 * submit is ACCEPTED in its ledger it is killed. A new engine starts on the same journal; the SMSCs then deliver
 * the receipts to its binds, and it must match them by the message ids journaled with ACCEPTED: every dispatch
 * DELIVERED, none UNKNOWN, no receipt counted for an unknown message id.
 */
@Timeout(180)
class RestartReceiptsTest {

    private static final int N = 600;
    /** Long enough that no receipt is due before the kill; short enough to keep the test quick. */
    private static final Duration RECEIPT_DELAY = Duration.ofSeconds(8);

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void receiptsForSubmitsAcceptedBeforeAKillAreMatchedByTheRestartedEngine() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path out = Files.createDirectories(dir.resolve("out"));
        try (SimulatedCarriers carriers = new SimulatedCarriers(c -> c.withPassword("secret")
                .withReceipts(RECEIPT_DELAY, SmscConfig.ReceiptFormat.TEXT_AND_TLV))) {
            int[] ports = carriers.smscs.stream().mapToInt(SmscSimulator::port).toArray();
            Process child = spawn(data, out, ports);
            children.add(child);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(5))
                    .until(() -> Files.exists(out.resolve("accepted")) || !child.isAlive());
            assertThat(child.isAlive()).as("engine process died; see %s", out.resolve("child.log")).isTrue();
            child.destroyForcibly().waitFor();

            long receiptsBeforeKill = carriers.smscs.stream().mapToLong(s -> s.stats().receiptsSent()).sum();
            try (ChronicleJournal j = ChronicleJournal.open(data.resolve("journal"), JournalConfig.defaults())) {
                Ledger dead = LedgerReplay.rebuild(j);
                long accepted = 0;
                for (long id = 1; id < dead.nextDispatchId(); id++) {
                    accepted += dead.stateOf(id) == DispatchState.ACCEPTED ? 1 : 0;
                }
                assertThat(accepted).as("dispatches ACCEPTED in the journal at the kill (receipts sent before it: %d)",
                        receiptsBeforeKill).isEqualTo(N);
            }

            Engine engine = RestartChild.engine(data, N);
            Connector sms = RestartChild.connector(engine, ports);
            try {
                engine.start(List.of(sms));
                assertThat(engine.recovery().awaitingReceipts()).isEqualTo(N);
                AlertView alert = engine.ledger().alerts().get(0);
                try {
                    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                            .until(() -> sms(engine, alert).delivered() == N);
                } finally {
                    System.out.printf("restart: %d accepted before kill -9, after restart %s, %s, awaiting %d,"
                            + " SMSCs %s, health: %s%n", N, sms(engine, alert), ((SmppConnector) sms).stats(),
                            ((SmppConnector) sms).awaitingReceipts(),
                            carriers.smscs.stream().map(SmscSimulator::stats).toList(), sms.health().detail());
                }
                ChannelCounters counters = sms(engine, alert);
                SmppStats stats = ((SmppConnector) sms).stats();
                assertThat(counters.unknown() + counters.failed() + counters.accepted()).isZero();
                assertThat(stats.resumed()).isEqualTo(N);
                assertThat(stats.unknownReceipts()).isZero();
                // the correlator lets go of them all (its queue drops finished ones at the next sweep)
                await().atMost(Duration.ofSeconds(10)).until(() -> ((SmppConnector) sms).awaitingReceipts() == 0);
                assertThat(carriers.recipients()).isEqualTo(N);
                assertThat(carriers.duplicates()).isZero();
            } finally {
                engine.close();
            }
        }
    }

    private static ChannelCounters sms(Engine engine, AlertView alert) {
        return engine.ledger().alert(alert.id()).orElseThrow().channels().get("SMS");
    }

    private static Process spawn(Path data, Path out, int[] ports) throws IOException {
        List<String> cmd = io.tocsin.pipeline.testing.ChildJvm.command();
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(RestartChild.class.getName());
        cmd.add(data.toString());
        cmd.add(out.toString());
        cmd.add(String.valueOf(N));
        for (int p : ports) {
            cmd.add(String.valueOf(p));
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolve("child.log").toFile())
                .start();
    }
}
