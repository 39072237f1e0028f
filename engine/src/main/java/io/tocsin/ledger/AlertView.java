package io.tocsin.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of one alert as the ledger knows it: what the API's {@code GET /alerts/{id}} returns
 * and what the console and reports read.
 */
public record AlertView(
        String id,
        String sender,
        String identifier,
        String sent,
        String status,
        String msgType,
        String event,
        String headline,
        String severity,
        String urgency,
        String publisher,
        AlertState state,
        Instant receivedAt,
        Instant expires,
        Map<String, ChannelCounters> channels,
        List<TimelineEntry> timeline) {
}
