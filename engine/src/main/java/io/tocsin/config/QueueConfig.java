package io.tocsin.config;

/**
 * Sizes of the engine's bounded queues. Immutable.
 *
 * @param ringSize           slots of the ingress → pipeline ring (power of two); full → SATURATED (HTTP 503)
 * @param receiptsRingSize   slots of the connectors → pipeline receipts ring (power of two)
 * @param connectorQueueSize default capacity of each connector's dispatch queue
 */
public record QueueConfig(Integer ringSize, Integer receiptsRingSize, Integer connectorQueueSize) {

    public QueueConfig {
        ringSize = ringSize == null ? 4096 : ringSize;
        receiptsRingSize = receiptsRingSize == null ? 65536 : receiptsRingSize;
        connectorQueueSize = connectorQueueSize == null ? 4_000_000 : connectorQueueSize;
    }

    public static QueueConfig defaults() {
        return new QueueConfig(null, null, null);
    }

    void check(ConfigChecks checks, String path) {
        powerOfTwo(checks, ringSize, path + ".ringSize");
        powerOfTwo(checks, receiptsRingSize, path + ".receiptsRingSize");
        checks.range(connectorQueueSize, 1, 1L << 30, path + ".connectorQueueSize");
    }

    private static void powerOfTwo(ConfigChecks checks, int value, String path) {
        checks.require(value >= 2 && Integer.bitCount(value) == 1, path,
                "must be a power of two >= 2, was " + value);
    }
}
