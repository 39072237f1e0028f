package io.tocsin.config;

/**
 * How fast and how much the engine hands one connector (null = the engine's default). Immutable.
 *
 * @param ratePerSecond sustained offers per second; 0 = unlimited
 * @param burst         offers allowed at once after a quiet spell
 * @param maxInFlight   offered but not yet answered (the window)
 * @param maxQueued     dispatches queued ahead of the connector before planning pauses
 */
public record LimitsConfig(Double ratePerSecond, Integer burst, Integer maxInFlight, Integer maxQueued) {

    void check(ConfigChecks checks, String path) {
        checks.require(ratePerSecond == null || ratePerSecond >= 0, path + ".ratePerSecond", "must be >= 0");
        checks.require(burst == null || burst >= 1, path + ".burst", "must be >= 1");
        checks.require(maxInFlight == null || maxInFlight >= 1, path + ".maxInFlight", "must be >= 1");
        checks.require(maxQueued == null || maxQueued >= 1, path + ".maxQueued", "must be >= 1");
    }
}
