package io.tocsin.drill;

import io.tocsin.cap.Alert;
import java.time.Instant;

/**
 * One unannounced drill: a window, the moment the engine picked inside it (secret until the drill is injected),
 * the exercise alert to inject and, once injected, the engine's alert id. Immutable; {@link Drills} replaces
 * a plan as it moves on.
 *
 * @param requestedBy the operator (or {@code config}) who scheduled it
 */
public record DrillPlan(String id, String name, Instant from, Instant to, Instant moment, Alert template,
                        String requestedBy, State state, Instant injectedAt, String alertId, String problem) {

    /** SCHEDULED (waiting for its moment), INJECTED (submitted as an exercise), FAILED (the engine refused it). */
    public enum State { SCHEDULED, INJECTED, FAILED }

    /** The publisher name drills submit under: {@code drill:NAME}. */
    public static final String PUBLISHER_PREFIX = "drill:";

    DrillPlan injected(Instant at, String engineId) {
        return new DrillPlan(id, name, from, to, moment, template, requestedBy, State.INJECTED, at, engineId, null);
    }

    DrillPlan failed(Instant at, String why) {
        return new DrillPlan(id, name, from, to, moment, template, requestedBy, State.FAILED, at, null, why);
    }

    String publisher() {
        return PUBLISHER_PREFIX + name;
    }
}
