package io.tocsin.pipeline;

import io.tocsin.security.Identities;
import java.time.Duration;
import java.util.Set;

/**
 * The engine's approval and correction rules. Immutable.
 *
 * @param approvalWindow how long an alert may wait in PENDING_APPROVAL before it expires unsent (null = until
 *                       its CAP {@code expires} only)
 * @param identities     the people behind publisher keys and operator accounts: an operator may not approve an
 *                       alert its own person submitted
 * @param correctors     publishers allowed to correct (Cancel or Update) any publisher's alerts on the
 *                       pre-approved path; every publisher may correct its own (same publisher or same person)
 */
public record Governance(Duration approvalWindow, Identities identities, Set<String> correctors) {

    public Governance {
        if (approvalWindow != null && (approvalWindow.isNegative() || approvalWindow.isZero())) {
            throw new IllegalArgumentException("approvalWindow must be positive, was " + approvalWindow);
        }
        identities = identities == null ? Identities.NAMES : identities;
        correctors = correctors == null ? Set.of() : Set.copyOf(correctors);
    }

    /** No approval window, names as identities, no cross-publisher correctors. */
    public static Governance defaults() {
        return new Governance(null, Identities.NAMES, Set.of());
    }

    public Governance withApprovalWindow(Duration window) {
        return new Governance(window, identities, correctors);
    }

    /** Whether {@code publisher} may correct an alert {@code original} published, on the pre-approved path. */
    public boolean mayCorrect(String publisher, String original) {
        if (publisher == null || original == null) {
            return false;
        }
        return publisher.equals(original) || correctors.contains(publisher)
                || identities.ofPublisher(publisher).equals(identities.ofPublisher(original));
    }
}
