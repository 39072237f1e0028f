package io.tocsin.ledger;

import java.time.Instant;

/** One line of an alert's timeline: when, what happened, and a detail for people. */
public record TimelineEntry(Instant at, String event, String detail) {
}
