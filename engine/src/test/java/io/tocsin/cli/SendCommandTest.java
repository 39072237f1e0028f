package io.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class SendCommandTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        SendCommand cmd = new SendCommand();
        cmd.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        cmd.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        cmd.interactive = false;
        return new CommandLine(cmd).execute(args);
    }

    private Path capFile() throws Exception {
        return Files.writeString(dir.resolve("alert.xml"), "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"/>");
    }

    @Test
    void followShowsProgressUntilDoneAndExitsZeroWhenEveryTargetIsServed() throws Exception {
        try (FakeApi api = new FakeApi().thenProgress(FakeApi.alert("DISPATCHING", 100, 0, 0, 0),
                FakeApi.alert("DISPATCHING", 100, 40, 0, 0), FakeApi.alert("DONE", 100, 100, 0, 0))) {
            int code = run(capFile().toString(), "--url", api.url(), "--key", "pk", "--follow", "--poll", "10ms");

            assertThat(code).as(err.toString()).isEqualTo(SendCommand.OK);
            assertThat(api.requests.peek()).startsWith("POST /api/v1/alerts Bearer pk application/cap+xml 53");
            assertThat(api.requests).anySatisfy(r -> assertThat(r).startsWith("GET /api/v1/alerts/tx-000001 Bearer pk"));
            assertThat(out.toString()).contains("tx-000001 ACTIVE").contains("tx-000001 DONE")
                    .containsPattern("SMS +100 +100 +0 +0 +0 +100.0%");
            assertThat(err.toString()).contains("SMS").contains("CELL_BROADCAST");
        }
    }

    @Test
    void cancelledOrFailedDeliveriesExitFour() throws Exception {
        try (FakeApi api = new FakeApi().thenProgress(FakeApi.alert("CANCELLED", 100, 30, 0, 70))) {
            assertThat(run(capFile().toString(), "--url", api.url(), "--key", "pk", "--follow", "--poll", "10ms"))
                    .isEqualTo(SendCommand.FAILURES);
        }
        try (FakeApi api = new FakeApi().thenProgress(FakeApi.alert("DONE", 100, 97, 3, 0))) {
            assertThat(run(capFile().toString(), "--url", api.url(), "--key", "pk", "--follow", "--poll", "10ms"))
                    .isEqualTo(SendCommand.FAILURES);
        }
    }

    @Test
    void refusalIsOneWithTheEnginesReasons() throws Exception {
        try (FakeApi api = new FakeApi().submitAnswers(400, "{\"reason\":\"invalid CAP\",\"reasons\":[{\"path\":"
                + "\"/alert/info[0]/severity\",\"code\":\"enum\",\"message\":\"not a severity\"}]}")) {
            assertThat(run(capFile().toString(), "--url", api.url(), "--key", "pk")).isEqualTo(SendCommand.REFUSED);
            assertThat(err.toString()).contains("HTTP 400").contains("invalid CAP")
                    .contains("/alert/info[0]/severity enum not a severity");
        }
    }

    @Test
    void acceptedWithoutFollowIsZeroAndDuplicateIsSaid() throws Exception {
        try (FakeApi api = new FakeApi().submitAnswers(200, "{\"id\":\"tx-000007\",\"state\":\"DONE\"}")) {
            assertThat(run(capFile().toString(), "--url", api.url(), "--key", "pk")).isEqualTo(SendCommand.OK);
            assertThat(out.toString()).contains("tx-000007 DONE (duplicate");
        }
    }

    @Test
    void unreachableEngineIsThreeAndUnavailableToo() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThat(run(capFile().toString(), "--url", "http://127.0.0.1:" + closedPort, "--key", "pk"))
                .isEqualTo(SendCommand.UNREACHABLE);
        try (FakeApi api = new FakeApi().submitAnswers(503, "{\"reason\":\"journal full\"}")) {
            assertThat(run(capFile().toString(), "--url", api.url(), "--key", "pk")).isEqualTo(SendCommand.UNREACHABLE);
        }
    }

    @Test
    void usageErrorsAreTwo() throws Exception {
        assertThat(run(dir.resolve("missing.xml").toString(), "--key", "pk")).isEqualTo(SendCommand.USAGE);
        assertThat(run(capFile().toString(), "--key", "")).isEqualTo(SendCommand.USAGE);
        assertThat(run()).isEqualTo(SendCommand.USAGE);
        assertThat(run(capFile().toString(), "--key", "pk", "--url", "not a url")).isEqualTo(SendCommand.USAGE);
    }

    @Test
    void contentTypeFollowsTheFileOrItsFirstCharacter() {
        assertThat(SendCommand.contentType(Path.of("a.json"), new byte[0])).isEqualTo("application/json");
        assertThat(SendCommand.contentType(Path.of("a.cap"), new byte[0])).isEqualTo("application/cap+xml");
        assertThat(SendCommand.contentType(Path.of("a"), " \n{\"x\":1}".getBytes())).isEqualTo("application/json");
        assertThat(SendCommand.contentType(Path.of("a"), "<alert/>".getBytes())).isEqualTo("application/cap+xml");
    }
}
