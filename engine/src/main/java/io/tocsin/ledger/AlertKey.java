package io.tocsin.ledger;

import io.tocsin.cap.Alert;
import io.tocsin.cap.Reference;

/**
 * An alert's identity under CAP: sender, identifier and sent, as the ledger keys it. It holds the three texts the
 * alert already carries instead of joining them into a new string for every alert kept.
 */
record AlertKey(String sender, String identifier, String sent) {

    static AlertKey of(Alert alert) {
        return new AlertKey(alert.sender(), alert.identifier(), alert.sent());
    }

    static AlertKey of(Reference ref) {
        return new AlertKey(ref.sender(), ref.identifier(), ref.sent());
    }
}
