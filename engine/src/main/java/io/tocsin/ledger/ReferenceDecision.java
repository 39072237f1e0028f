package io.tocsin.ledger;

import java.util.List;

/**
 * What an incoming alert does to the alerts it references, decided explicitly from the ledger (never guessed):
 * NEW (no references, or only unknown/expired ones: reported in {@code notes}), SUPERSEDE exactly one live
 * alert (CAP Update), CANCEL every live alert referenced (CAP Cancel), or REJECT with a reason (an Update of
 * several live alerts or of a cancelled one; a Cancel with nothing live to cancel).
 */
public record ReferenceDecision(Kind kind, List<String> targets, List<String> notes, String rejectReason) {

    public enum Kind { NEW, SUPERSEDE, CANCEL, REJECT }

    public ReferenceDecision {
        targets = List.copyOf(targets);
        notes = List.copyOf(notes);
    }
}
