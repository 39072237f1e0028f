package io.tocsin.planning;

import io.tocsin.targeting.Recipient;
import io.tocsin.targeting.Resolution;
import java.util.List;

/** What a resolution worker hands the pipeline thread, in order. Immutable. */
sealed interface PlanItem {

    /** The whole-area part of the resolution: cells per carrier, transmitters, stations, reasons. */
    record Resolved(Resolution resolution) implements PlanItem {
    }

    /** The next recipients of the stream; {@code consumedAfter} = stream position after them. */
    record Recipients(List<Recipient> recipients, long consumedAfter) implements PlanItem {
    }

    /** The recipient stream ended after {@code consumed} recipients. */
    record Finished(long consumed) implements PlanItem {
    }

    /** Resolution threw: planning stops for this alert, with the reason in its timeline. */
    record Failed(String reason) implements PlanItem {
    }
}
