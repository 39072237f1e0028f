package io.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(30)
class ReportCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) {
        ReportCommand cmd = new ReportCommand();
        cmd.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        cmd.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new CommandLine(cmd).execute(args);
    }

    @Test
    void textReportHasCountersSharesAndTimeline() throws Exception {
        try (FakeApi api = new FakeApi().thenProgress(FakeApi.alert("DONE", 200, 150, 50, 0))) {
            assertThat(run("tx-000001", "--url", api.url(), "--key", "ok")).isZero();
            assertThat(out.toString()).contains("After-action report tx-000001 — DONE").contains("台风红色预警")
                    .containsPattern("SMS +200 +150 +50 +0 +0 +0 +75.0%")
                    .containsPattern("TOTAL +202 +152 +75.2%").contains("ACCEPTED").contains("journaled <ok>");
        }
    }

    @Test
    void htmlReportIsSelfContainedAndEscaped() throws Exception {
        try (FakeApi api = new FakeApi().thenProgress(FakeApi.alert("DONE", 200, 150, 50, 0))) {
            assertThat(run("tx-000001", "--url", api.url(), "--key", "ok", "--html")).isZero();
            assertThat(out.toString()).startsWith("<!DOCTYPE html>").contains("journaled &lt;ok&gt;")
                    .contains("75.0%").doesNotContain("<ok>").doesNotContain("http://", "https://");
        }
    }

    @Test
    void jsonAndHtmlAreExclusiveAndNotFoundIsOne() throws Exception {
        assertThat(run("x", "--json", "--html", "--key", "k")).isEqualTo(2);
        try (FakeApi api = new FakeApi()) {
            api.server.removeContext("/api/v1/alerts");
            api.server.createContext("/api/v1/alerts", x -> {
                byte[] b = "{\"reason\":\"no such alert: nope\"}".getBytes(StandardCharsets.UTF_8);
                x.sendResponseHeaders(404, b.length);
                x.getResponseBody().write(b);
                x.close();
            });
            assertThat(run("nope", "--url", api.url(), "--key", "k")).isEqualTo(1);
        }
    }
}
