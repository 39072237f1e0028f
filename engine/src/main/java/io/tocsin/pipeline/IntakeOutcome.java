package io.tocsin.pipeline;

/**
 * The answer to a submission or operator command, completed by the pipeline thread.
 *
 * <ul>
 *   <li>ACCEPTED: journaled (durable); {@code alertId} and {@code state} are set. HTTP 202.</li>
 *   <li>DUPLICATE: the same (sender, identifier, sent) was accepted before; {@code alertId} is the original. HTTP 200.</li>
 *   <li>SATURATED: ring or journal full; nothing was stored. HTTP 429/503 with Retry-After. Retry later.</li>
 *   <li>REJECTED: refused by engine rules (e.g. ambiguous or unknown reference, self-approval); {@code reason} says why. HTTP 409/422.</li>
 *   <li>NOT_FOUND: an operator command named an unknown alert. HTTP 404.</li>
 * </ul>
 */
public record IntakeOutcome(Kind kind, String alertId, String state, String reason) {

    public enum Kind { ACCEPTED, DUPLICATE, SATURATED, REJECTED, NOT_FOUND }

    public static IntakeOutcome saturated(String reason) {
        return new IntakeOutcome(Kind.SATURATED, null, null, reason);
    }
}
