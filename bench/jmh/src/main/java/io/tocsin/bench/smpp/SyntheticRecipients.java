package io.tocsin.bench.smpp;

import io.tocsin.cap.Area;
import io.tocsin.targeting.AreaResolver;
import io.tocsin.targeting.Audience;
import io.tocsin.targeting.Recipient;
import io.tocsin.targeting.RecipientSink;
import io.tocsin.targeting.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves any area to {@code count} English-speaking subscribers of one carrier ({@code base .. base+count-1}),
 * streamed in batches of 1,000, so the SMS benchmark measures dispatch, not geometry. Immutable; thread-safe.
 */
final class SyntheticRecipients implements AreaResolver {
    private final long base;
    private final int count;
    private final String carrier;

    SyntheticRecipients(long base, int count, String carrier) {
        this.base = base;
        this.count = count;
        this.carrier = carrier;
    }

    @Override
    public Resolution resolve(List<Area> areas, Audience audience, RecipientSink sink) {
        List<Recipient> batch = new ArrayList<>(1000);
        for (int i = 0; i < count; i++) {
            batch.add(new Recipient(base + i, carrier, "en-US", "440106"));
            if (batch.size() == 1000) {
                sink.accept(batch);
                batch = new ArrayList<>(1000);
            }
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
        return new Resolution(count, Map.of(), Map.of(), List.of(), List.of(), List.of("440106"), List.of(), count,
                List.of());
    }
}
