package io.tocsin.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * An immutable snapshot of one alert's delivery on one channel, for the after-action report. Times are null
 * when the event has not happened. {@code millisToDelivered} maps "50%", "90%", "99%", "100%" to the time in
 * milliseconds since the alert was accepted by which that share of the {@code planned} dispatches had a
 * delivery receipt (10 ms resolution; null = not reached); {@code millisToAccepted} likewise for acceptance by
 * the peer (the meaningful one for broadcast channels, which have no handset receipts). {@code failures}
 * counts FAILED/EXPIRED/UNKNOWN outcomes by state and reason; {@code retries} counts offers handed back for a
 * later retry; {@code duplicates} counts receipts for dispatches already past that state.
 */
public record ChannelDeliveryView(
        Instant firstDispatch,
        Instant lastDispatch,
        Instant firstAccepted,
        Instant lastAccepted,
        Instant firstDelivered,
        Instant lastDelivered,
        long acceptedReceipts,
        long deliveredReceipts,
        long planned,
        Map<String, Long> millisToDelivered,
        Map<String, Long> millisToAccepted,
        Map<String, Long> failures,
        long retries,
        long duplicates) {
}
