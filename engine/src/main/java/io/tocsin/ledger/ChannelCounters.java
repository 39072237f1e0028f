package io.tocsin.ledger;

/** Per-channel dispatch counters of one alert, as the API and console show them. */
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
