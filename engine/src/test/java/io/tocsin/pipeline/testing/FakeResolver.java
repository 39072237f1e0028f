package io.tocsin.pipeline.testing;

import io.tocsin.cap.Area;
import io.tocsin.targeting.AreaResolver;
import io.tocsin.targeting.Audience;
import io.tocsin.targeting.Recipient;
import io.tocsin.targeting.RecipientSink;
import io.tocsin.targeting.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link AreaResolver} for tests: every area resolves to the same synthetic recipients (msisdns
 * {@code base .. base + count - 1}, carriers taken in turn, languages in turn), cells per carrier, transmitters
 * and stations — streamed in batches in a stable order. Thread-safe.
 */
public final class FakeResolver implements AreaResolver {
    private final long base;
    private final long count;
    private final List<String> carriers;
    private final List<String> languages;
    private final Map<String, List<String>> cells;
    private final List<String> transmitters;
    private final List<String> stations;
    private final int batch;
    public final AtomicInteger calls = new AtomicInteger();

    public FakeResolver(long base, long count, List<String> carriers, List<String> languages,
                        Map<String, List<String>> cells, List<String> transmitters, List<String> stations, int batch) {
        this.base = base;
        this.count = count;
        this.carriers = carriers;
        this.languages = languages;
        this.cells = cells;
        this.transmitters = transmitters;
        this.stations = stations;
        this.batch = batch;
    }

    /** Only SMS recipients, one carrier "cmcc", language zh-CN. */
    public static FakeResolver recipients(long count) {
        return new FakeResolver(13800000000L, count, List.of("cmcc"), List.of("zh-CN"), Map.of(), List.of(),
                List.of(), 1000);
    }

    @Override
    public Resolution resolve(List<Area> areas, Audience audience, RecipientSink sink) {
        calls.incrementAndGet();
        List<Recipient> out = new ArrayList<>(batch);
        for (long i = 0; i < count; i++) {
            out.add(new Recipient(base + i, carriers.get((int) (i % carriers.size())),
                    languages.get((int) (i % languages.size())), "440106"));
            if (out.size() == batch) {
                sink.accept(out);
                out = new ArrayList<>(batch);
            }
        }
        if (!out.isEmpty()) {
            sink.accept(out);
        }
        return new Resolution(count, Map.of(), cells, transmitters, stations, List.of("440106"), List.of(),
                count, List.of());
    }
}
