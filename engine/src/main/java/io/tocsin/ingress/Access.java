package io.tocsin.ingress;

/** Who may call a route: checked from the headers before the body is read. */
public enum Access {
    /** Anyone (health, feeds). */
    PUBLIC,
    /** Any valid publisher or operator key. */
    ANY_KEY,
    /** A publisher key. */
    PUBLISHER,
    /** An operator key. */
    OPERATOR
}
