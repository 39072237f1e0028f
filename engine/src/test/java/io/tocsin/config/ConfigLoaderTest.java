package io.tocsin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tocsin.security.KeyRing;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static final Path BASE = Path.of("/opt/tocsin");

    private static Path root() {
        return Path.of(System.getProperty("tocsin.root", "..")).toAbsolutePath().normalize();
    }

    private static TocsinConfig parse(String yaml) {
        return new ConfigLoader().parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml",
                BASE);
    }

    private static List<ConfigProblem> problems(String yaml) {
        try {
            parse(yaml);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the configuration to be refused");
    }

    @Test
    void theShippedDemoConfigLoadsAndEveryDocumentedDemoKeyAuthenticates() throws Exception {
        TocsinConfig demo = new ConfigLoader().load(root().resolve("config/demo.yaml"));
        KeyRing keys = KeyRing.fromConfig(demo);

        assertThat(demo.server().port()).isEqualTo(8080);
        assertThat(demo.journal().dir()).startsWith("data");
        assertThat(demo.publishers()).extracting(PublisherConfig::name)
                .contains("gz-meteorological-observatory", "gz-tianhe-emergency-office");
        String doc = Files.readString(root().resolve("config/demo-keys.md"));
        Matcher row = Pattern.compile("\\| `([a-z0-9-]+)` \\| (publisher|operator) \\| `([a-z0-9-]+)` \\|").matcher(doc);
        int rows = 0;
        while (row.find()) {
            rows++;
            String name = row.group(1);
            assertThat(keys.authenticate(row.group(3))).as(name)
                    .hasValueSatisfying(c -> assertThat(c.name()).isEqualTo(name));
        }
        assertThat(rows).isEqualTo(demo.publishers().size() + demo.operators().size());
    }

    @Test
    void theAnnotatedReferenceConfigLoads() {
        TocsinConfig reference = new ConfigLoader().load(root().resolve("config/tocsin.yaml"));
        KeyRing.fromConfig(reference);

        assertThat(reference.server().requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(reference.connectors()).singleElement().satisfies(c -> assertThat(c.enabled()).isFalse());
    }

    @Test
    void anEmptyFileMeansEveryDefault() {
        TocsinConfig c = parse("");
        assertThat(c.server().port()).isEqualTo(8080);
        assertThat(c.queues().ringSize()).isEqualTo(4096);
        assertThat(c.resolve(c.journal().dir())).isEqualTo(BASE.resolve("data/journal"));
    }

    @Test
    void everyBadValueIsReportedWithItsPathInOneGo() {
        List<ConfigProblem> found = problems("""
                server: {port: 70000, requestTimeout: 0s}
                queues: {ringSize: 1000}
                publishers:
                  - {name: a, keySha256: nothex}
                  - {name: a, keySha256: %s}
                operators:
                  - {name: b, keySha256: %s}
                connectors:
                  - {name: sms, type: smpp, kind: PIGEON}
                """.formatted("ab".repeat(32), "AB".repeat(32)));

        assertThat(found).extracting(ConfigProblem::path).containsExactlyInAnyOrder(
                "server.port", "server.requestTimeout", "queues.ringSize", "publishers[0].keySha256",
                "publishers[1].name", "operators[0].keySha256", "connectors[0].kind");
    }

    @Test
    void aWrongTypeIsReportedWithItsLineAndPath() {
        List<ConfigProblem> found = problems("server:\n  host: x\n  port: eighty\n");

        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("server.port");
            assertThat(p.location()).isEqualTo("test.yaml:3:9");
        });
    }

    @Test
    void aMisspelledSettingIsRefusedNotIgnored() {
        assertThat(problems("server:\n  prot: 80\n")).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("server.prot"));
    }

    @Test
    void sectionsOwnedByOtherComponentsAreKeptAsTrees() {
        TocsinConfig c = parse("planner:\n  cancelFirst: true\nconsole:\n  title: Guangzhou\n");

        assertThat(c.section("planner").get("cancelFirst").asBoolean()).isTrue();
        assertThat(c.section("console").get("title").asText()).isEqualTo("Guangzhou");
        assertThat(c.section("absent")).isNull();
    }

    @Test
    void durationsAreReadAsPeopleWriteThem() {
        TocsinConfig c = parse("server: {requestTimeout: 500ms, idleTimeout: 2m, ackTimeout: PT3S}\n");

        assertThat(c.server().requestTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.server().idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.server().ackTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(problems("server: {idleTimeout: soon}\n")).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("server.idleTimeout"));
    }

    @Test
    void connectorSettingsStayATreeForTheirFactory() {
        TocsinConfig c = parse("""
                connectors:
                  - name: carrier-a
                    type: smpp
                    kind: sms
                    settings: {host: smsc.example, port: 2775, binds: [{systemId: a}]}
                """);

        ConnectorConfig smpp = c.connectors().get(0);
        assertThat(smpp.enabled()).isTrue();
        assertThat(smpp.settings().get("binds").get(0).get("systemId").asText()).isEqualTo("a");
    }

    @Test
    void aMissingFileIsReported() {
        assertThatThrownBy(() -> new ConfigLoader().load(BASE.resolve("nope.yaml")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no such file");
    }

    @Test
    void badScopesAreReportedByTheKeyRingWithPaths() {
        TocsinConfig c = parse("""
                publishers:
                  - name: p
                    keySha256: %s
                    approval: SOMETIMES
                    scope:
                      categories: [Weather]
                      polygons: ["1,2 3,4"]
                      maxSeverity: Huge
                      channels: [PIGEON]
                      statuses: [Maybe]
                operators:
                  - {name: o, keySha256: %s, roles: [SUPERUSER]}
                """.formatted("ab".repeat(32), "cd".repeat(32)));

        assertThatThrownBy(() -> KeyRing.fromConfig(c)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigProblem::path).containsExactlyInAnyOrder(
                        "publishers[0].approval", "publishers[0].scope.categories[0]",
                        "publishers[0].scope.polygons[0]", "publishers[0].scope.maxSeverity",
                        "publishers[0].scope.channels[0]", "publishers[0].scope.statuses[0]",
                        "operators[0].roles[0]"));
    }
}
