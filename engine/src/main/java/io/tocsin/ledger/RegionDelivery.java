package io.tocsin.ledger;

/**
 * Delivered reach of one alert in one region: its SMS dispatches to subscribers located in that region (the
 * directory's region code carried by each target), {@code planned} ever, {@code delivered} and {@code failed}
 * now. Whole-area channels (cell broadcast, radio, TV) have no per-person receipts and are not counted here;
 * their reach per region is the coverage estimate's. Immutable.
 */
public record RegionDelivery(long planned, long delivered, long failed) {
}
