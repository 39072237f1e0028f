package io.tocsin.dist.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's short versions for CI: a real engine process (spawned with the test JVM's Chronicle flags)
 * against the in-process simulators. Asserts behaviour — exact delivery, nothing lost, every figure measured —
 * never timings (the machine is shared).
 */
class BenchHarnessTest {
    @TempDir
    Path tmp;

    private static BenchOptions options(Path work, int subscribers, double capEach) {
        Path root = Path.of(System.getProperty("tocsin.root", "..")).toAbsolutePath().normalize();
        Map<String, Double> caps = new LinkedHashMap<>();
        for (String c : new String[] {"cmcc", "cucc", "ctcc"}) {
            caps.put(c, capEach);
        }
        return new BenchOptions(root, work, subscribers, 300, 20261129L, caps, 64, false, "512m", 180,
                java.util.List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), 1);
    }

    @Test
    @Timeout(240)
    void districtFloodDeliversEachRecipientOnceAndReportsEveryFigure() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BenchWorld w = BenchWorld.create(options(tmp, 10_000, 1000));
             PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            ResultTable table = DistrictFlood.run(new Driver(w, log), 3, Duration.ofSeconds(120));
            table.print(log);
            assertThat(table.value("Baiyun warning: exactness")).as(out.toString(StandardCharsets.UTF_8))
                    .matches("[\\d,]+ distinct recipients, 0 duplicates");
            assertThat(table.rows()).filteredOn(r -> r.figure().endsWith("exactness"))
                    .allSatisfy(r -> assertThat(r.verdict()).isEqualTo("each once"));
            assertThat(table.value("ingest → first SMS")).contains("p50").contains("n=2");
            assertThat(table.value("ingest → first CBS")).contains("p50").doesNotContain("NaN");
            assertThat(table.value("Cancel → purge")).contains("n=1").doesNotContain("NaN");
            assertThat(table.value("Baiyun warning: time to 100% delivered")).endsWith(" s");
            assertThat(table.value("Baiyun warning: fan-out rate")).contains("submit_sm/s");
            assertThat(table.value("Baiyun warning: same-run baseline")).contains("submit_sm/s");
            assertThat(table.value("journal on disk")).endsWith("MiB");
            assertThat(table.value("journal replay")).contains("records");
            assertThat(table.value("engine heap")).contains("peak live after GC");
            assertThat(table.value("engine CPU")).contains("cores");
        }
    }

    @Test
    @Timeout(300)
    void crashCampaignWithThreeKillsLosesNothingAndBoundsDuplicates() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BenchWorld w = BenchWorld.create(options(tmp, 8_000, 250));
             PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            CrashCampaign.Result r = CrashCampaign.run(new Driver(w, log), 3, 300, 1200, new Random(42),
                    Duration.ofSeconds(180));
            r.table().print(log);
            String report = out.toString(StandardCharsets.UTF_8);
            assertThat(r.kills()).as(report).isEqualTo(3);
            assertThat(r.lost()).as(report).isZero();
            assertThat(r.duplicates()).as(report).isLessThanOrEqualTo(r.bound());
            assertThat(r.ok()).as(report).isTrue();
            assertThat(r.resume().size()).isEqualTo(3);
            assertThat(r.table().value("restart: spawn → first submit_sm")).doesNotContain("NaN");
            assertThat(r.table().value("receipts for unknown message ids")).as(report).matches("\\d+.*");
            assertThat(r.table().value("accepted before a kill, taken back")).as(report).isNotNull();
        }
    }
}
