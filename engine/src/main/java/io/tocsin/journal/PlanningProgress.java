package io.tocsin.journal;

/**
 * A planning milestone of one alert: the whole-area channels (cell broadcast, radio, TV, webhooks) are
 * planned, the recipient stream is finished, or resolution failed.
 */
public record PlanningProgress(long at, String alertId, Stage stage, long count, String detail)
        implements JournalRecord {

    public enum Stage { AREAS_PLANNED, RECIPIENTS_PLANNED, FAILED }
}
