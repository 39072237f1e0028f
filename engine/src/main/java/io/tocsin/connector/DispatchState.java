package io.tocsin.connector;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of one (alert, channel, target) dispatch, as one explicit state machine.
 *
 * <pre>
 *   PLANNED ──▶ SUBMITTED ──▶ ACCEPTED ──▶ DELIVERED
 *      │  ▲         │  │          │  └──▶ UNKNOWN ──▶ DELIVERED | FAILED | EXPIRED
 *      │  └─retry───┘  └─▶ FAILED  └──▶ FAILED | EXPIRED
 *      └──▶ EXPIRED | CANCELLED | FAILED
 * </pre>
 *
 * SUBMITTED → PLANNED is the retry path after a transient error or a dropped link before the peer answered.
 */
public enum DispatchState {
    PLANNED, SUBMITTED, ACCEPTED, DELIVERED, FAILED, EXPIRED, CANCELLED, UNKNOWN;

    private Set<DispatchState> next;

    static {
        PLANNED.next = EnumSet.of(SUBMITTED, EXPIRED, CANCELLED, FAILED);
        SUBMITTED.next = EnumSet.of(ACCEPTED, FAILED, PLANNED, UNKNOWN, EXPIRED, CANCELLED, DELIVERED);
        ACCEPTED.next = EnumSet.of(DELIVERED, FAILED, EXPIRED, UNKNOWN, CANCELLED);
        UNKNOWN.next = EnumSet.of(DELIVERED, FAILED, EXPIRED);
        DELIVERED.next = EnumSet.noneOf(DispatchState.class);
        FAILED.next = EnumSet.noneOf(DispatchState.class);
        EXPIRED.next = EnumSet.noneOf(DispatchState.class);
        CANCELLED.next = EnumSet.noneOf(DispatchState.class);
    }

    public boolean canMoveTo(DispatchState target) { return next.contains(target); }

    public boolean terminal() { return next.isEmpty(); }
}
