package io.tocsin.sim.cbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated CBC's state, shared by all its front-end endpoints (a redundant pair shares one database):
 * active messages by message id, the messages installed per cell, and when each id was last deleted.
 *
 * <p>Thread-safe: every method is synchronized (the simulator favours clarity over throughput).
 */
public final class CbcStore {

    /** What a create or replace did. */
    public enum Outcome { CREATED, REPLACED, CONFLICT }

    /** The answer to a create: its outcome and the cells that took it or failed. */
    public record Applied(Outcome outcome, int installed, List<String> failedCells) {
    }

    private final Set<String> knownCells;
    private final Map<Integer, CbcBroadcast> active = new HashMap<>();
    private final Map<String, Map<Integer, Integer>> perCell = new HashMap<>();
    private final Map<Integer, Long> deletedAtNanos = new HashMap<>();

    /** @param knownCells the network's cells (what scope_plmn covers); empty = any cell id is accepted */
    public CbcStore(Collection<String> knownCells) {
        this.knownCells = new LinkedHashSet<>(knownCells);
    }

    /**
     * Creates the message, or replaces it when the same message id is active with the same geographical
     * scope and message code and a different update number; otherwise CONFLICT (osmo-cbc's 409).
     */
    public synchronized Applied apply(EcbeMessage m, Set<String> failingCells) {
        CbcBroadcast old = active.get(m.messageId());
        int replacements = 0;
        if (old != null) {
            EcbeMessage om = old.message();
            if (om.serialWithoutUpdate() != m.serialWithoutUpdate() || om.updateNumber() == m.updateNumber()) {
                return new Applied(Outcome.CONFLICT, 0, List.of());
            }
            uninstall(old);
            replacements = old.replacements() + 1;
        }
        Collection<String> wanted = m.cells().isEmpty() ? knownCells : m.cells();
        Set<String> installed = new HashSet<>(wanted.size() * 2);
        List<String> failed = new ArrayList<>();
        for (String cell : wanted) {
            if (failingCells.contains(cell) || (!knownCells.isEmpty() && !knownCells.contains(cell))) {
                failed.add(cell);
            } else {
                installed.add(cell);
                perCell.computeIfAbsent(cell, c -> new HashMap<>()).put(m.messageId(), m.serialNumber());
            }
        }
        active.put(m.messageId(), new CbcBroadcast(m, installed, failed, replacements, System.nanoTime()));
        deletedAtNanos.remove(m.messageId());
        return new Applied(old == null ? Outcome.CREATED : Outcome.REPLACED, installed.size(), failed);
    }

    /** Deletes the message from every cell; false when the id is not active (osmo-cbc's 404). */
    public synchronized boolean delete(int messageId) {
        CbcBroadcast old = active.remove(messageId);
        if (old == null) {
            return false;
        }
        uninstall(old);
        deletedAtNanos.put(messageId, System.nanoTime());
        return true;
    }

    private void uninstall(CbcBroadcast b) {
        for (String cell : b.installedCells()) {
            Map<Integer, Integer> ids = perCell.get(cell);
            if (ids != null) {
                ids.remove(b.messageId());
                if (ids.isEmpty()) {
                    perCell.remove(cell);
                }
            }
        }
    }

    public synchronized Optional<CbcBroadcast> message(int messageId) {
        return Optional.ofNullable(active.get(messageId));
    }

    public synchronized List<CbcBroadcast> messages() {
        return List.copyOf(active.values());
    }

    /** Message id → serial number of everything installed in this cell. */
    public synchronized Map<Integer, Integer> messagesInCell(String cell) {
        return Map.copyOf(perCell.getOrDefault(cell, Map.of()));
    }

    /** System.nanoTime() of the last delete of this id, if it is deleted and was not re-created since. */
    public synchronized Optional<Long> deletedAtNanos(int messageId) {
        return Optional.ofNullable(deletedAtNanos.get(messageId));
    }

    public synchronized void clear() {
        active.clear();
        perCell.clear();
        deletedAtNanos.clear();
    }
}
