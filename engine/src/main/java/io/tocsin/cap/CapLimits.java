package io.tocsin.cap;

/**
 * Bounds applied while decoding and validating CAP, so that hostile input costs little time and memory.
 *
 * @param maxBytes           largest document accepted (checked before parsing)
 * @param maxDepth           deepest element nesting (EDXL-DE wrapping CAP needs about 10)
 * @param maxElements        most elements in one document
 * @param maxAttributes      most attributes on one element
 * @param maxTextLength      longest text node (an embedded base64 {@code derefUri} is the usual big one)
 * @param maxPolygonPoints   most coordinate pairs in one {@code <polygon>} before the validator refuses to
 *                           parse it
 *
 * <p>Immutable and thread-safe.
 */
public record CapLimits(
        int maxBytes,
        int maxDepth,
        int maxElements,
        int maxAttributes,
        int maxTextLength,
        int maxPolygonPoints) {

    /** Defaults sized for real feeds: 16 MB documents, depth 64, 100,000 points per polygon. */
    public static final CapLimits DEFAULT = new CapLimits(16 << 20, 64, 500_000, 64, 12 << 20, 100_000);

    public CapLimits {
        if (maxBytes <= 0 || maxDepth <= 0 || maxElements <= 0 || maxAttributes <= 0 || maxTextLength <= 0
                || maxPolygonPoints < 4) {
            throw new IllegalArgumentException("CAP limits must be positive (and allow a 4-point polygon)");
        }
    }
}
