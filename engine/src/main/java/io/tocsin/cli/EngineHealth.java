package io.tocsin.cli;

import io.tocsin.connector.ConnectorHealth;
import io.tocsin.ingress.HealthReport;
import io.tocsin.journal.FreeSpaceGuard;
import io.tocsin.pipeline.Engine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine's side of {@code GET /health}: every connector's own status and detail, the journal's free space
 * and whether new alerts are taken. Overall {@code status}: UP when all is well, DEGRADED when any connector
 * is degraded or down (alerts are still taken and queued for it), REFUSING (HTTP 503) while the journal's disk
 * is below its reserve or the pipeline is not running. Thread-safe (reads volatile state only).
 */
final class EngineHealth implements Supplier<HealthReport> {

    private final Engine engine;

    EngineHealth(Engine engine) {
        this.engine = engine;
    }

    @Override
    public HealthReport get() {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean degraded = false;
        Map<String, Object> connectors = new LinkedHashMap<>();
        for (Map.Entry<String, ConnectorHealth> e : engine.connectorHealth().entrySet()) {
            ConnectorHealth h = e.getValue();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("status", h.status().name());
            c.put("detail", h.detail() == null ? "" : h.detail());
            connectors.put(e.getKey(), c);
            degraded |= h.status() != ConnectorHealth.Status.UP;
        }
        Map<String, Object> journal = new LinkedHashMap<>();
        FreeSpaceGuard space = engine.spaceGuard();
        if (space != null) {
            space.refresh();
        }
        boolean refusing = space != null && space.refusing();
        if (space != null) {
            journal.put("freeBytes", space.lastFreeBytes() == Long.MAX_VALUE ? null : space.lastFreeBytes());
            journal.put("minFreeBytes", space.minFreeBytes());
            journal.put("refusedForSpace", space.refused());
        }
        journal.put("acceptingAlerts", !refusing && engine.running());
        if (refusing) {
            journal.put("reason", space.reason());
        }
        body.put("status", refusing || !engine.running() ? "REFUSING" : degraded ? "DEGRADED" : "UP");
        body.put("journal", journal);
        body.put("connectors", connectors);
        return new HealthReport(refusing || !engine.running() ? 503 : 200, body);
    }
}
