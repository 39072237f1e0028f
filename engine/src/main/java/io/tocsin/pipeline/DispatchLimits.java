package io.tocsin.pipeline;

/**
 * How fast and how much the dispatcher hands one connector.
 *
 * @param ratePerSecond  sustained offers per second (token bucket refill); 0 or less = unlimited
 * @param burst          bucket size: offers allowed at once after a quiet spell
 * @param maxInFlight    dispatches offered but not yet answered (the window)
 * @param maxQueued      dispatches the planner keeps queued ahead of this connector; planning of big alerts
 *                       pauses above it and resumes as the queue drains (bounds memory)
 */
public record DispatchLimits(double ratePerSecond, int burst, int maxInFlight, int maxQueued) {

    public DispatchLimits {
        if (burst < 1 || maxInFlight < 1 || maxQueued < 1) {
            throw new IllegalArgumentException("burst, maxInFlight and maxQueued must be >= 1: " + burst + ", "
                    + maxInFlight + ", " + maxQueued);
        }
    }

    public static DispatchLimits defaults() {
        return new DispatchLimits(0, 1000, 256, 200_000);
    }
}
