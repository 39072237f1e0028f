package io.tocsin.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tocsin.config.ConfigException;
import io.tocsin.config.ConfigLoader;
import io.tocsin.config.GovernanceConfig;
import io.tocsin.config.TocsinConfig;
import io.tocsin.security.Identities;
import io.tocsin.security.KeyRing;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The governance section and the publisher-owner / operator-person links, as written in YAML. */
class GovernanceConfigTest {
    static final String HASH = "0".repeat(64);

    private static TocsinConfig parse(String yaml) {
        return new ConfigLoader().parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml",
                Path.of("."));
    }

    @Test
    void onePersonHoldingAPublisherKeyAndAnOperatorAccountIsLinkedByConfiguration() {
        TocsinConfig config = parse("""
                publishers:
                  - {name: tianhe-office, keySha256: "%s", owner: wang.li}
                  - {name: city-office, keySha256: "%s"}
                operators:
                  - {name: wli, keySha256: "%s", person: wang.li}
                  - {name: duty, keySha256: "%s"}
                governance:
                  approvalWindow: 15m
                  correctors: [city-office]
                  drills:
                    - {name: night, from: "2026-12-01T20:00:00+08:00", to: "2026-12-02T06:00:00+08:00"}
                """.formatted(HASH, "1".repeat(64), "2".repeat(64), "3".repeat(64)));
        Identities people = KeyRing.fromConfig(config).identities();
        assertThat(people.selfApproval("tianhe-office", "wli")).contains("self-approval refused").contains("wang.li");
        assertThat(people.selfApproval("tianhe-office", "duty")).isNull();
        assertThat(people.selfApproval("city-office", "city-office")).isNotNull();
        GovernanceConfig g = GovernanceConfig.of(config);
        assertThat(g.approvalWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(g.correctors()).containsExactly("city-office");
        assertThat(g.drills()).singleElement().satisfies(d -> assertThat(d.from()).isBefore(d.to()));
    }

    @Test
    void approvalPolicyAppliesPerSeverityAndPerStatus() {
        TocsinConfig config = parse("""
                publishers:
                  - {name: district, keySha256: "%s", approval: SEVERE_AND_ABOVE, approvalStatuses: [Actual]}
                """.formatted(HASH));
        io.tocsin.security.Publisher p = KeyRing.fromConfig(config).publisher("district").orElseThrow();
        io.tocsin.cap.Alert severe = io.tocsin.pipeline.testing.TestAlerts.alert("S", "Severe", "Expected", null);
        io.tocsin.cap.Alert minor = io.tocsin.pipeline.testing.TestAlerts.alert("M", "Minor", "Expected", null);
        assertThat(p.needsApproval(severe)).isTrue();
        assertThat(p.needsApproval(minor)).isFalse();
        assertThat(p.needsApproval(withStatus(severe, "Exercise"))).isFalse();
        assertThatThrownBy(() -> KeyRing.fromConfig(parse("""
                publishers:
                  - {name: d, keySha256: "%s", approvalStatuses: [Real]}
                """.formatted(HASH)))).hasMessageContaining("publishers[0].approvalStatuses[0]");
    }

    private static io.tocsin.cap.Alert withStatus(io.tocsin.cap.Alert a, String status) {
        return new io.tocsin.cap.Alert(a.version(), a.identifier(), a.sender(), a.sent(), status, a.msgType(),
                a.source(), a.scope(), a.restriction(), a.addresses(), a.codes(), a.note(), a.references(),
                a.incidents(), a.infos());
    }

    @Test
    void aDrillWindowThatEndsBeforeItStartsIsReportedWithItsPath() {
        TocsinConfig config = parse("""
                governance:
                  drills:
                    - {name: backwards, from: "2026-12-02T06:00:00+08:00", to: "2026-12-01T20:00:00+08:00"}
                """);
        assertThatThrownBy(() -> GovernanceConfig.of(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("governance.drills[0].from/to");
    }

    @Test
    void theShippedConfigurationsCarryAGovernanceSection() {
        Path root = Path.of(System.getProperty("tocsin.root", "..")).toAbsolutePath().normalize();
        assertThat(GovernanceConfig.of(new ConfigLoader().load(root.resolve("config/tocsin.yaml"))).approvalWindow())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(GovernanceConfig.of(new ConfigLoader().load(root.resolve("config/demo.yaml"))).approvalWindow())
                .isEqualTo(Duration.ofMinutes(15));
    }
}
