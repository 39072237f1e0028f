package io.tocsin.audit;

import static io.tocsin.pipeline.testing.TestAlerts.alert;
import static io.tocsin.pipeline.testing.TestAlerts.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.connector.ChannelKind;
import io.tocsin.ledger.AlertState;
import io.tocsin.pipeline.IntakeOutcome;
import io.tocsin.pipeline.testing.EngineFixture;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.pipeline.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real engine run writes a verifiable hash chain; one byte changed in the middle is found, with its line. */
@Timeout(60)
class EngineAuditTrailTest {
    static final String EXPIRES = "2026-11-29T18:00:00+08:00";

    @TempDir
    Path dir;

    @Test
    void anEngineRunLeavesAnIntactChainAndOneChangedByteIsLocated() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-29T02:00:00Z"));
        FakeResolver city = new FakeResolver(13800000000L, 500, List.of("cmcc"), List.of("zh-CN"),
                Map.of("cmcc", List.of("c1")), List.of(), List.of(), 500);
        String approved;
        String rejected;
        try (EngineFixture f = new EngineFixture(dir, city, clock)
                .connector("sms", ChannelKind.SMS, "cmcc")
                .connector("cbc", ChannelKind.CELL_BROADCAST, "cmcc")) {
            f.start();
            approved = f.submit(submission(alert("A1", "Extreme", "Immediate", EXPIRES), "gz-met", true, null))
                    .alertId();
            rejected = f.submit(submission(alert("A2", "Severe", "Expected", EXPIRES), "gz-met", true, null))
                    .alertId();
            IntakeOutcome self = f.engine().intake().approve(approved, "gz-met").get();
            assertThat(self.kind()).isEqualTo(IntakeOutcome.Kind.REJECTED);
            assertThat(self.reason()).contains("someone other than its submitter");
            assertThat(f.engine().intake().approve(approved, "duty-officer").get().kind())
                    .isEqualTo(IntakeOutcome.Kind.ACCEPTED);
            assertThat(f.engine().intake().reject(rejected, "duty-officer", "wrong district").get().kind())
                    .isEqualTo(IntakeOutcome.Kind.ACCEPTED);
            await().atMost(Duration.ofSeconds(20)).until(() -> f.view(approved).state() == AlertState.DONE
                    && f.view(approved).channels().get("SMS").delivered() == 500);
        }
        Path log = dir.resolve("audit").resolve(AuditLog.FILE_NAME);
        AuditVerdict verdict = AuditVerifier.verify(log, null);
        assertThat(verdict.intact()).as(String.valueOf(verdict.problem())).isTrue();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize((int) verdict.records());
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("submit").contains(approved));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("approve").contains("duty-officer"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("reject").contains("wrong district"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("dispatch-planned").contains(approved));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("receipts").contains("DELIVERED="));
        long delivered = 0;
        for (String l : lines) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("DELIVERED=(\\d+)").matcher(l);
            if (l.contains(approved) && l.contains("\"SMS\"") && m.find()) {
                delivered += Long.parseLong(m.group(1));
            }
        }
        assertThat(delivered).as("receipt lines sum to the deliveries:\n" + String.join("\n", lines)).isEqualTo(500);
        // far fewer lines than receipts: batched
        assertThat(lines.size()).isLessThan(500);

        byte[] bytes = Files.readAllBytes(log);
        int middleLine = lines.size() / 2;
        int offset = 0;
        for (int i = 0; i < middleLine; i++) {
            offset += lines.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
        }
        int target = offset + lines.get(middleLine).length() / 2;
        bytes[target] = (byte) (bytes[target] == 'x' ? 'y' : 'x');
        Files.write(log, bytes);
        AuditVerdict broken = AuditVerifier.verify(log, null);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.badLine()).isEqualTo(middleLine + 1);
        assertThat(broken.problem()).startsWith("line " + (middleLine + 1));
    }
}
