package io.tocsin.ledger;

/** Where an accepted alert is in its life. */
public enum AlertState {
    PENDING_APPROVAL, REJECTED, ACTIVE, DISPATCHING, DONE, SUPERSEDED, CANCELLED, EXPIRED
}
