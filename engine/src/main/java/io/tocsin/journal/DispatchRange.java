package io.tocsin.journal;

import io.tocsin.connector.DispatchState;

/**
 * Consecutive dispatches {@code firstId .. firstId + count - 1} moved to {@code state} together: SUBMITTED just
 * before the dispatcher offers them, PLANNED when offers were refused for now, UNKNOWN after a crash.
 */
public record DispatchRange(long at, long firstId, int count, DispatchState state) implements JournalRecord {
}
