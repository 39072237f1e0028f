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
}
