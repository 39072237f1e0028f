package io.tocsin.journal;

/** An operator's decision about one alert: cancel it, approve it, or reject it (with a reason). */
public record OperatorAction(long at, Kind kind, String alertId, String operator, String reason)
        implements JournalRecord {

    public enum Kind { CANCEL, APPROVE, REJECT }
}
