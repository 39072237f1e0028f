package io.tocsin.connector;

/** A connector's state for {@code /health} and the console: overall status plus a short human detail. */
public record ConnectorHealth(Status status, String detail) {

    public enum Status { UP, DEGRADED, DOWN }

    public static ConnectorHealth up(String detail) { return new ConnectorHealth(Status.UP, detail); }

    public static ConnectorHealth degraded(String detail) { return new ConnectorHealth(Status.DEGRADED, detail); }

    public static ConnectorHealth down(String detail) { return new ConnectorHealth(Status.DOWN, detail); }
}
