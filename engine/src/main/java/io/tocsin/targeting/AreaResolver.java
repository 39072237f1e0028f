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
}
