package io.tocsin.pipeline;

/**
 * How the engine uses one connector (by connector name): which carrier it serves (SMS and cell broadcast
 * route by the recipient's or cell's carrier; null = any carrier without a connector of its own) and its limits.
 */
public record ConnectorBinding(String carrier, DispatchLimits limits) {

    public static ConnectorBinding of(String carrier) {
        return new ConnectorBinding(carrier, DispatchLimits.defaults());
    }
}
