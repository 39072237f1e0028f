package io.tocsin.targeting;

import io.tocsin.targeting.geo.ShapeRules;

/**
 * Knobs of targeting: recipients per streamed batch, the minimum share of a cell's (or transmitter's)
 * coverage that must lie in the area for it to be targeted (0 = any overlap), and the shape rules.
 */
public record TargetingOptions(int batchSize, double minCellOverlap, double minTransmitterOverlap, ShapeRules shapes) {

    public static TargetingOptions defaults() {
        return new TargetingOptions(8192, 0.0, 0.0, ShapeRules.defaults());
    }

    public TargetingOptions {
        if (batchSize < 1 || minCellOverlap < 0 || minCellOverlap > 1 || minTransmitterOverlap < 0 || minTransmitterOverlap > 1) {
            throw new IllegalArgumentException("batchSize >= 1 and overlaps in [0, 1] required");
        }
    }

    public TargetingOptions withBatchSize(int size) {
        return new TargetingOptions(size, minCellOverlap, minTransmitterOverlap, shapes);
    }

    public TargetingOptions withMinCellOverlap(double overlap) {
        return new TargetingOptions(batchSize, overlap, minTransmitterOverlap, shapes);
    }
}
