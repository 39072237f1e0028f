package io.tocsin.connector;

import java.time.Instant;
import java.util.List;

/**
 * An outcome reported by a connector for one dispatch: SUBMITTED (handed to the peer), ACCEPTED (the peer
 * took it, {@code peerRef} = its message id), DELIVERED, FAILED (with {@code reason}), EXPIRED, UNKNOWN
 * (no final word in time), or PLANNED (put back for a retry after a transient error).
 *
 * <p>{@code failedUnits} lists the parts that failed when a dispatch covers many (cells of a cell broadcast).
 */
public record DeliveryReceipt(
        long dispatchId,
        DispatchState state,
        String reason,
        String peerRef,
        Instant at,
        int units,
        List<String> failedUnits) {

    public DeliveryReceipt {
        failedUnits = failedUnits == null ? List.of() : List.copyOf(failedUnits);
    }

    public static DeliveryReceipt of(long dispatchId, DispatchState state, String reason, String peerRef, Instant at) {
        return new DeliveryReceipt(dispatchId, state, reason, peerRef, at, 1, List.of());
    }
}
