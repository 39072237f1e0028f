package io.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tocsin validate}: verdicts, reasons, exit codes 0/1/2, profiles and JSON output. */
class ValidateCommandTest {
    private static final String VALID = """
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>A1</identifier><sender>s@x.org</sender>
            <sent>2026-11-29T09:30:00+08:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
            <info><language>zh-CN</language><category>Met</category><event>台风</event><urgency>Immediate</urgency>
            <severity>Extreme</severity><certainty>Observed</certainty><expires>2026-11-29T21:30:00+08:00</expires>
            <area><areaDesc>南沙区</areaDesc><geocode><valueName>CPEAS Geographic Code</valueName>
            <value>440115000000</value></geocode></area></info></alert>
            """;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = TocsinCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void validFileExitsZero() throws IOException {
        Run r = run("validate", file("a.xml", VALID).toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("a.xml: VALID (1 alert)");
    }

    @Test
    void anyInvalidFileExitsOneAndPrintsLocatedReasons() throws IOException {
        Path good = file("good.xml", VALID);
        Path bad = file("bad.xml", VALID.replace("<scope>Public</scope>", ""));
        Run r = run("validate", good.toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("good.xml: VALID").contains("bad.xml: INVALID")
                .contains("ERROR /alert/scope CAP_REQUIRED");
    }

    @Test
    void profileIsAppliedByName() throws IOException {
        Path p = file("a.xml", VALID.replace("440115000000", "4401150"));
        assertThat(run("validate", p.toString()).exit()).isZero();
        Run china = run("validate", "--profile", "china", p.toString());
        assertThat(china.exit()).isEqualTo(1);
        assertThat(china.out()).contains("CPEAS_GEOCODE");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertThat(run("validate").exit()).isEqualTo(2);
        assertThat(run("validate", "--profile", "atlantis", file("a.xml", VALID).toString()).exit()).isEqualTo(2);
        Run missing = run("validate", dir.resolve("nope.xml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read");
    }

    @Test
    void jsonOutputIsMachineReadable() throws IOException {
        Path bad = file("bad.xml", VALID.replace("<scope>Public</scope>", ""));
        Run r = run("validate", "--json", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("valid").asBoolean()).isFalse();
        JsonNode reason = root.get("files").get(0).get("reasons").get(0);
        assertThat(reason.get("path").asText()).isEqualTo("/alert/scope");
        assertThat(reason.get("level").asText()).isEqualTo("error");
        assertThat(reason.get("code").asText()).isEqualTo("CAP_REQUIRED");
        assertThat(reason.get("alert").asInt()).isZero();
    }
}
