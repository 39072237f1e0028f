package io.tocsin.targeting;

import io.tocsin.cap.Area;
import io.tocsin.cap.Reason;
import java.util.List;
import java.util.Map;

/**
 * The resolver of an engine run without geography (machine feeds only): every area reaches no recipients, cells or
 * transmitters, and says so with a warning. That answer needs no work, so it is also the precomputed one: the
 * planner takes it on the pipeline thread, as it does a district warning's on a real directory, instead of handing
 * each alert to a resolution worker for nothing.
 */
public final class NoGeography implements AreaResolver {

    private static final Resolution NOTHING = new Resolution(0, Map.of(), Map.of(), List.of(), List.of(), List.of(),
            List.of(), 0, List.of(Reason.warning("/alert/info/area", "no-geography",
                    "this engine runs without geography: areas reach no recipients, cells or transmitters")));

    @Override
    public Resolution resolve(List<Area> areas, Audience audience, RecipientSink sink) {
        return NOTHING;
    }

    @Override
    public Resolution precomputedAreas(List<Area> areas, Audience audience) {
        return NOTHING;
    }
}
