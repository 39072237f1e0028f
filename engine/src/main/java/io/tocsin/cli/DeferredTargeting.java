package io.tocsin.cli;

import io.tocsin.cap.Area;
import io.tocsin.config.GeographyConfig;
import io.tocsin.security.RegionShapes;
import io.tocsin.targeting.AreaResolver;
import io.tocsin.targeting.Audience;
import io.tocsin.targeting.GeographyShapes;
import io.tocsin.targeting.RecipientSink;
import io.tocsin.targeting.Resolution;
import io.tocsin.targeting.Targeting;
import io.tocsin.targeting.TargetingLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.locationtech.jts.geom.Geometry;

/**
 * The geography (regions, subscriber directory, sites) loading on a background thread while the engine opens
 * and replays its journal and the connectors bind: re-queued dispatches of a restart do not need it, so sending
 * resumes without waiting for a million-subscriber directory to be built. Anything that resolves areas
 * (planning workers, scope checks) waits for it; {@link EngineHost} waits before it serves HTTP. A failed load is
 * rethrown to whoever asks ({@link io.tocsin.config.ConfigException} as itself). Thread-safe.
 */
final class DeferredTargeting implements AreaResolver, RegionShapes {
    /** Regions whose whole-area part (cells, transmitters) is found after loading, before any alert needs it. */
    static final int PRECOMPUTED_REGIONS = 2048;
    private final CompletableFuture<Targeting> loading = new CompletableFuture<>();
    private volatile GeographyShapes shapes;

    private DeferredTargeting() {
    }

    /** Starts loading on a daemon thread {@code tocsin-geography}; returns at once. */
    static DeferredTargeting load(GeographyConfig config, Path baseDir) {
        DeferredTargeting d = new DeferredTargeting();
        Thread t = new Thread(() -> {
            try {
                Targeting loaded = TargetingLoader.load(config, baseDir);
                d.loading.complete(loaded);
                // Then, with everything waiting on the load released: each region's cells ahead of time.
                loaded.resolver().precomputeRegions(PRECOMPUTED_REGIONS);
            } catch (IOException | RuntimeException | Error e) {
                d.loading.completeExceptionally(e);
            }
        }, "tocsin-geography");
        t.setDaemon(true);
        t.start();
        return d;
    }

    /** The loaded targeting, waiting for it if need be. */
    Targeting targeting() {
        try {
            return loading.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        }
    }

    @Override
    public Resolution resolve(List<Area> areas, Audience audience, RecipientSink sink) {
        return targeting().resolver().resolve(areas, audience, sink);
    }

    @Override
    public Resolution resolve(int infoIndex, List<Area> areas, Audience audience, RecipientSink sink) {
        return targeting().resolver().resolve(infoIndex, areas, audience, sink);
    }

    /** The loaded resolver's whole-area fast path (the default would walk the whole directory for nothing). */
    @Override
    public Resolution resolveAreas(List<Area> areas, Audience audience) {
        return targeting().resolver().resolveAreas(areas, audience);
    }

    /** Never waits for the load: null (not at hand) until the geography is there. */
    @Override
    public Resolution precomputedAreas(List<Area> areas, Audience audience) {
        if (!loading.isDone() || loading.isCompletedExceptionally()) {
            return null; // the worker path waits for the load (and reports its failure)
        }
        return loading.join().resolver().precomputedAreas(areas, audience);
    }

    @Override
    public Optional<Geometry> shapeOf(String code) {
        GeographyShapes s = shapes;
        if (s == null) {
            s = new GeographyShapes(targeting().geography());
            shapes = s;
        }
        return s.shapeOf(code);
    }
}
