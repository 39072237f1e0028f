package io.tocsin.cli;

import io.tocsin.cap.Alert;
import io.tocsin.config.ConfigException;
import io.tocsin.config.ConfigProblem;
import io.tocsin.config.GovernanceConfig;
import io.tocsin.config.TocsinConfig;
import io.tocsin.drill.Drills;
import io.tocsin.ingress.AlertParser;
import io.tocsin.ingress.BodyFormat;
import io.tocsin.ingress.ParsedAlert;
import io.tocsin.pipeline.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/** Builds the drill scheduler from the {@code governance} section (its drills' templates read once). */
final class GovernanceWiring {
    private GovernanceWiring() {
    }

    static Drills drills(TocsinConfig config, GovernanceConfig gc, Engine engine, AlertParser parser, Clock clock) {
        Drills drills = new Drills(engine.intake(), engine.ledger(), clock, new SecureRandom(), null)
                .auditTo(engine::audit);
        for (int i = 0; i < gc.drills().size(); i++) {
            GovernanceConfig.DrillConfig d = gc.drills().get(i);
            Alert template = d.template() == null ? null
                    : template(config.resolve(d.template()), parser, "governance.drills[" + i + "].template");
            drills.scheduleConfigured(d.name(), d.from().toInstant(), d.to().toInstant(), template);
        }
        return drills;
    }

    private static Alert template(Path file, AlertParser parser, String path) {
        try {
            ParsedAlert parsed = parser.parse(BodyFormat.XML, Files.readAllBytes(file));
            if (!parsed.ok()) {
                throw new ConfigException(file.toString(), List.of(ConfigProblem.at(path,
                        "not valid CAP: " + parsed.reasons())));
            }
            return parsed.alert();
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of(ConfigProblem.at(path, "cannot read: " + e)));
        }
    }
}
