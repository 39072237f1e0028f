package io.tocsin.audio;

import java.util.List;

/**
 * What {@link SameHeaderBuilder} made of an alert: the headers (one per 31 location codes; empty when none
 * could be built), how many location codes the alert has, and problems worth showing (unmapped geocodes,
 * why nothing could be built). Immutable.
 */
public record SameBuild(List<SameHeader> headers, int locationCount, List<String> problems) {

    public SameBuild {
        headers = List.copyOf(headers);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return !headers.isEmpty();
    }

    /** True when the alert needs more than one SAME message (more than 31 location codes). */
    public boolean split() {
        return headers.size() > 1;
    }
}
