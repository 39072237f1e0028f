package io.tocsin.ledger;

/**
 * Per-channel dispatch counters of one alert, as the API and console show them. {@code planned} counts every
 * dispatch ever planned; the others count dispatches in that state now, so {@code planned} minus their sum is
 * what is still queued. Keys of {@link AlertView#channels()} are channel kinds ({@code SMS},
 * {@code CELL_BROADCAST}...), with {@code /cancel} appended for withdrawals sent on cancel.
 */
public record ChannelCounters(
        long planned,
        long submitted,
        long accepted,
        long delivered,
        long failed,
        long expired,
        long cancelled,
        long unknown) {
}
