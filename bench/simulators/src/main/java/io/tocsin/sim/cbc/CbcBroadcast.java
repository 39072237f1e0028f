package io.tocsin.sim.cbc;

import java.util.List;
import java.util.Set;

/**
 * A message active in the simulated CBC: what was posted, where it is installed, where it failed, and how
 * many times it was replaced (write-replace with a new update number).
 *
 * <p>Immutable; thread-safe.
 */
public record CbcBroadcast(EcbeMessage message, Set<String> installedCells, List<String> failedCells,
                           int replacements, long createdNanos) {

    public CbcBroadcast {
        installedCells = Set.copyOf(installedCells);
        failedCells = List.copyOf(failedCells);
    }

    public int messageId() {
        return message.messageId();
    }

    public int serialNumber() {
        return message.serialNumber();
    }
}
