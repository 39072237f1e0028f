package io.tocsin.targeting;

import io.tocsin.cap.Area;
import java.util.List;

/**
 * Turns the areas of one CAP info block into targets. Recipients are streamed to the sink in batches as
 * they are found (the union over all areas, each recipient once); the rest comes back in the Resolution.
 *
 * <p>Thread-safety: implementations are immutable after loading and may be called from several threads.
 */
public interface AreaResolver {

    Resolution resolve(List<Area> areas, Audience audience, RecipientSink sink);

    /**
     * As {@link #resolve(List, Audience, RecipientSink)} for the info block at {@code infoIndex} (0-based), so
     * that reasons are located as {@code /alert/info[infoIndex]/area[j]/...}. The default ignores the index.
     */
    default Resolution resolve(int infoIndex, List<Area> areas, Audience audience, RecipientSink sink) {
        return resolve(areas, audience, sink);
    }

    /**
     * Only the whole-area part (cells, transmitters, stations, region and SAME codes, reasons), as the planner
     * needs it for cell broadcast, radio and TV before any recipient is known. Implementations may skip finding
     * the recipients: {@code recipients} and {@code population} are then -1 and {@code recipientsByCarrier} empty.
     * The default resolves in full and drops the recipients.
     */
    default Resolution resolveAreas(List<Area> areas, Audience audience) {
        return resolve(areas, audience, batch -> { });
    }

    /**
     * The whole-area part as {@link #resolveAreas} gives it, but only when it is at hand without real work (found
     * ahead of time, e.g. for areas that name known regions by geocode), else null. Must not block and must be cheap:
     * the planner calls it on the pipeline thread so that a district warning's cell broadcast is planned as the
     * alert is accepted. The default knows nothing ahead of time.
     */
    default Resolution precomputedAreas(List<Area> areas, Audience audience) {
        return null;
    }
}
