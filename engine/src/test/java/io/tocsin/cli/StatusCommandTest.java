package io.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.config.ServerConfig;
import io.tocsin.ingress.AlertApi;
import io.tocsin.ingress.IngressServer;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.ledger.LedgerView;
import io.tocsin.ledger.TimelineEntry;
import io.tocsin.pipeline.AlertIntake;
import io.tocsin.pipeline.IntakeOutcome;
import io.tocsin.pipeline.Submission;
import io.tocsin.security.KeyHash;
import io.tocsin.security.KeyRing;
import io.tocsin.security.Operator;
import io.tocsin.security.OperatorRole;
import io.tocsin.security.RegionShapes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(30)
class StatusCommandTest {

    private static final Instant AT = Instant.parse("2026-11-29T01:30:00Z");
    private static final AlertView TYPHOON = new AlertView("A7", "gz-observatory", "44010041600000_20261129093000_1",
            "2026-11-29T09:30:00+08:00", "Actual", "Alert", "台风", "台风红色预警", "Extreme", "Immediate", "gz-city",
            AlertState.DISPATCHING, AT, AT.plusSeconds(43_200),
            Map.of("SMS", new ChannelCounters(1200, 1100, 1000, 900, 3, 0, 0, 2)),
            List.of(new TimelineEntry(AT, "ACCEPTED", "journaled"), new TimelineEntry(AT.plusSeconds(1), "PLANNED",
                    "1200 SMS")));

    private IngressServer server;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        LedgerView ledger = new LedgerView() {
            @Override
            public List<AlertView> alerts() {
                return List.of(TYPHOON);
            }

            @Override
            public Optional<AlertView> alert(String id) {
                return id.equals("A7") ? Optional.of(TYPHOON) : Optional.empty();
            }
        };
        AlertIntake intake = new AlertIntake() {
            @Override
            public CompletableFuture<IntakeOutcome> submit(Submission s) {
                return CompletableFuture.completedFuture(IntakeOutcome.saturated("unused"));
            }

            @Override
            public CompletableFuture<IntakeOutcome> cancel(String id, String op, String reason) {
                return submit(null);
            }

            @Override
            public CompletableFuture<IntakeOutcome> approve(String id, String op) {
                return submit(null);
            }

            @Override
            public CompletableFuture<IntakeOutcome> reject(String id, String op, String reason) {
                return submit(null);
            }
        };
        KeyRing keys = KeyRing.of(List.of(), List.of(new KeyRing.KeyedOperator(KeyHash.ofKey("op"),
                new Operator("op", Set.of(OperatorRole.values())))));
        ServerConfig config = ServerConfig.defaults().withPort(0);
        server = new IngressServer(config, new AlertApi(keys, intake, ledger, (f, b) -> null, RegionShapes.NONE,
                Clock.systemUTC(), config).router()).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        StatusCommand command = new StatusCommand();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(command).execute(args);
    }

    private String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void listsAlertsNewestFirst() {
        assertThat(run("--url", url(), "--key", "op")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("A7").contains("DISPATCHING").contains("台风红色预警");
    }

    @Test
    void showsOneAlertsChannelsAndTimeline() {
        assertThat(run("A7", "--url", url(), "--key", "op")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("SMS\\s+1200\\s+1100\\s+1000\\s+900\\s+3\\s+0\\s+0\\s+2");
        assertThat(text).contains("PLANNED").contains("1200 SMS");
    }

    @Test
    void reportsUnknownIdsBadKeysAndAbsentEnginesWithExitCodes() {
        assertThat(run("nope", "--url", url(), "--key", "op")).isEqualTo(1);
        assertThat(run("--url", url(), "--key", "wrong")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("HTTP 404").contains("HTTP 401");
        server.close();
        assertThat(run("--url", url(), "--key", "op")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no engine at");
    }
}
