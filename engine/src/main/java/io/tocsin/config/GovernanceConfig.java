package io.tocsin.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The top-level {@code governance} section: approval window, cross-publisher correctors and the schedule of
 * unannounced ("double-blind") drills. Immutable.
 *
 * <pre>
 * governance:
 *   approvalWindow: 15m                 # PENDING_APPROVAL longer than this expires unsent (absent = no limit)
 *   correctors: [gz-meteorological-observatory]   # may Cancel/Update any publisher's alerts, pre-approved
 *   drills:                             # each injected once, at a moment the engine picks inside the window
 *     - name: typhoon-night-drill
 *       from: 2026-12-01T20:00:00+08:00
 *       to:   2026-12-02T06:00:00+08:00
 *       template: config/demo/typhoon-red.xml      # CAP file; sent as status Exercise whatever it says
 * </pre>
 */
public record GovernanceConfig(Duration approvalWindow, List<String> correctors, List<DrillConfig> drills) {

    public GovernanceConfig {
        correctors = correctors == null ? List.of() : List.copyOf(correctors);
        drills = drills == null ? List.of() : List.copyOf(drills);
    }

    /** One scheduled drill window. */
    public record DrillConfig(String name, OffsetDateTime from, OffsetDateTime to, String template) {
    }

    public static GovernanceConfig none() {
        return new GovernanceConfig(null, List.of(), List.of());
    }

    /** Reads the {@code governance} section of the configuration (none = defaults); bad values are reported. */
    public static GovernanceConfig of(TocsinConfig config) {
        JsonNode node = config.section("governance");
        if (node == null || node.isNull()) {
            return none();
        }
        SimpleModule durations = new SimpleModule("tocsin-governance-durations");
        durations.addDeserializer(Duration.class, new DurationText());
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .registerModule(durations) // after JavaTimeModule: "15m" as people write it, not only PT15M
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        GovernanceConfig g;
        try {
            g = mapper.treeToValue(node, GovernanceConfig.class);
        } catch (Exception e) {
            throw new ConfigException("governance", List.of(ConfigProblem.at("governance", e.getMessage()
                    .split("\n")[0])));
        }
        ConfigChecks checks = new ConfigChecks();
        checks.require(g.approvalWindow() == null || !g.approvalWindow().isNegative() && !g.approvalWindow().isZero(),
                "governance.approvalWindow", "must be a positive duration such as 15m");
        for (int i = 0; i < g.drills().size(); i++) {
            DrillConfig d = g.drills().get(i);
            String path = "governance.drills[" + i + "]";
            checks.require(d.name() != null && !d.name().isBlank(), path + ".name", "must name the drill");
            checks.require(d.from() != null && d.to() != null && d.from().isBefore(d.to()), path + ".from/to",
                    "must be a window: from before to (ISO-8601 with offset)");
        }
        if (!checks.problems().isEmpty()) {
            throw new ConfigException("governance", checks.problems());
        }
        return g;
    }
}
