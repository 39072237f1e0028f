package io.tocsin.report;

import io.tocsin.cap.Alert;
import io.tocsin.targeting.Audience;
import io.tocsin.targeting.DirectoryAreaResolver;
import io.tocsin.targeting.Recipient;
import io.tocsin.targeting.Resolution;
import io.tocsin.targeting.coverage.Coverage;
import io.tocsin.targeting.coverage.CoverageEstimator;
import io.tocsin.targeting.coverage.RegionCoverage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reach per region and channel vs population, blind spots and overshoot of an alert's first info block, from
 * targeting's {@link CoverageEstimator} (population grid of ~500 m cells; an estimate: census population is
 * spread over the grid, a broadcast channel reaches a cell when a targeted site covers its centre) and the
 * subscribers the area selects for the alert's audience per region (re-resolved at report time, so the
 * directory as it is now). Thread-safe: the estimator is built once, lazily, then only read.
 */
public final class ReportGeography {

    private final DirectoryAreaResolver resolver;
    private volatile CoverageEstimator estimator;

    public ReportGeography(DirectoryAreaResolver resolver) {
        this.resolver = resolver;
    }

    private CoverageEstimator estimator() {
        CoverageEstimator e = estimator;
        if (e == null) {
            synchronized (this) {
                if (estimator == null) {
                    estimator = new CoverageEstimator(resolver.geography(), resolver.directory(), resolver.sites(),
                            resolver.options());
                }
                e = estimator;
            }
        }
        return e;
    }

    /** The reach section of the report (a JSON-ready map), or a map with an "error" when it fails. */
    public Map<String, Object> estimate(Alert alert) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (alert.infos().isEmpty() || alert.infos().get(0).areas().isEmpty()) {
            out.put("note", "the alert names no area");
            return out;
        }
        try {
            fill(alert, out);
        } catch (RuntimeException e) {
            out.put("error", "estimate unavailable: " + e);
        }
        return out;
    }

    private void fill(Alert alert, Map<String, Object> out) {
        Map<String, Long> recipientsByRegion = new HashMap<>();
        Resolution res = resolver.resolve(0, alert.infos().get(0).areas(), Audience.ofStatus(alert.status()),
                batch -> {
                    for (Recipient r : batch) {
                        recipientsByRegion.merge(r.regionCode(), 1L, Long::sum);
                    }
                });
        Coverage c = estimator().estimate(0, alert.infos().get(0).areas());
        out.put("method", "estimate on a ~500 m population grid: census population spread over the grid; a "
                + "broadcast channel reaches a grid cell when a targeted cell or transmitter covers its centre; "
                + "SMS reach = subscribers scaled to people");
        out.put("audience", Audience.ofStatus(alert.status()));
        out.put("population", c.population());
        out.put("smsRecipients", res.recipients());
        out.put("smsPeople", c.sms());
        out.put("cellBroadcastPeople", c.cellBroadcast());
        out.put("radioPeople", c.radio());
        out.put("tvPeople", c.tv());
        out.put("reachedByAny", c.reachedByAny());
        out.put("blindSpotPeople", c.reachedByNone());
        out.put("blindShare", Math.round(c.blindShare() * 10000) / 10000.0);
        out.put("blindGridCells", c.blindSpots().size());
        out.put("cellBroadcastOvershootPeople", c.cellBroadcastOvershoot());
        out.put("cellsByCarrier", counts(res.cellsByCarrier()));
        out.put("transmitters", res.transmitters());
        out.put("stations", res.stations());
        List<Map<String, Object>> regions = new ArrayList<>();
        for (RegionCoverage r : c.regions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("region", r.code());
            row.put("name", r.name());
            row.put("population", r.population());
            row.put("smsRecipients", recipientsByRegion.getOrDefault(r.code(), 0L));
            row.put("smsPeople", r.sms());
            row.put("cellBroadcastPeople", r.cellBroadcast());
            row.put("radioPeople", r.radio());
            row.put("tvPeople", r.tv());
            row.put("reachedByAny", r.reachedByAny());
            row.put("blindSpotPeople", r.reachedByNone());
            regions.add(row);
        }
        out.put("regions", regions);
    }

    private static Map<String, Integer> counts(Map<String, List<String>> cellsByCarrier) {
        Map<String, Integer> out = new LinkedHashMap<>();
        cellsByCarrier.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }
}
