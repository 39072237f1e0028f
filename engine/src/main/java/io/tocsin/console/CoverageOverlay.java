package io.tocsin.console;

import io.tocsin.cap.Alert;
import io.tocsin.ledger.LedgerView;
import io.tocsin.pipeline.Submission;
import io.tocsin.targeting.coverage.Coverage;
import io.tocsin.targeting.coverage.CoverageCell;
import io.tocsin.targeting.coverage.RegionCoverage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The map's blind-spot overlay of one alert, from targeting's coverage estimate of its first info block's
 * areas: the places (population-grid cells) in the target area that no channel reaches, and per region the
 * people reached by any channel and by none. Estimates run on one background thread (never on a Netty event
 * loop), once per alert; the JSON is cached (bounded). Thread-safe.
 *
 * <pre>
 * {"population":N, "reachedByAny":N, "blindSpotPeople":N, "blindShare":0.03,
 *  "regions":[{"code":"440106","name":"天河区","population":N,"reachedByAny":N,"blindSpotPeople":N}, ...],
 *  "blindCells":[[lon, lat, sizeDegrees, people], ...], "blindCellsOmitted":0}
 * </pre>
 */
public final class CoverageOverlay implements AutoCloseable {

    /** Estimates an alert's coverage; null when the engine has no geography to estimate with. */
    @FunctionalInterface
    public interface Estimator {
        Coverage estimate(Alert alert);
    }

    private static final int MAX_CELLS = 3000;
    private static final int MAX_KEPT = 256;

    private final LedgerView ledger;
    private final Estimator estimator;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tocsin-console-coverage");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, CompletableFuture<Optional<String>>> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Optional<String>>> eldest) {
            return size() > MAX_KEPT;
        }
    };

    public CoverageOverlay(LedgerView ledger, Estimator estimator) {
        this.ledger = ledger;
        this.estimator = estimator;
    }

    /** The overlay JSON of alert {@code id}, empty when the alert is unknown or nothing can be estimated. */
    public CompletableFuture<Optional<String>> json(String id) {
        synchronized (cache) {
            CompletableFuture<Optional<String>> known = cache.get(id);
            if (known != null) {
                return known;
            }
            Optional<Submission> submission = ledger.submission(id);
            if (estimator == null || submission.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty()); // not cached: the body may come later
            }
            Alert alert = submission.get().alert();
            CompletableFuture<Optional<String>> f = CompletableFuture.supplyAsync(() -> render(alert), thread);
            cache.put(id, f);
            return f;
        }
    }

    private Optional<String> render(Alert alert) {
        if (alert.infos().isEmpty() || alert.infos().get(0).areas().isEmpty()) {
            return Optional.empty();
        }
        Coverage c = estimator.estimate(alert);
        if (c == null) {
            return Optional.empty();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("population", c.population());
        out.put("reachedByAny", c.reachedByAny());
        out.put("blindSpotPeople", c.reachedByNone());
        out.put("blindShare", Math.round(c.blindShare() * 10_000) / 10_000.0);
        List<Map<String, Object>> regions = new ArrayList<>();
        for (RegionCoverage r : c.regions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", r.code());
            row.put("name", r.name());
            row.put("population", r.population());
            row.put("reachedByAny", r.reachedByAny());
            row.put("blindSpotPeople", r.reachedByNone());
            regions.add(row);
        }
        out.put("regions", regions);
        List<CoverageCell> blind = new ArrayList<>(c.blindSpots());
        blind.sort((a, b) -> Long.compare(b.population(), a.population())); // most people first if capped
        List<double[]> cells = new ArrayList<>(Math.min(blind.size(), MAX_CELLS));
        for (CoverageCell cell : blind.subList(0, Math.min(blind.size(), MAX_CELLS))) {
            cells.add(new double[] {round(cell.lon()), round(cell.lat()), cell.sizeDegrees(), cell.population()});
        }
        out.put("blindCells", cells);
        out.put("blindCellsOmitted", Math.max(0, blind.size() - MAX_CELLS));
        return Optional.of(ConsoleJson.write(out));
    }

    private static double round(double v) {
        return Math.round(v * 100_000d) / 100_000d;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
