package io.tocsin.targeting.grid;

/**
 * A regular lon/lat grid in fixed-point degrees (1e-7 degree units, about 1 cm): origin, square cell size
 * and dimensions. Cell keys are {@code row * cols + col}. Point-to-cell assignment is exact integer
 * arithmetic, so an index built on this grid never disagrees with itself. Immutable.
 */
public record GridSpec(int minLonE7, int minLatE7, int cellE7, int cols, int rows) {
    public static final double E7 = 1e7;

    public GridSpec {
        if (cellE7 <= 0 || cols <= 0 || rows <= 0 || (long) cols * rows > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("bad grid " + cellE7 + " " + cols + "x" + rows);
        }
    }

    /** A grid covering [minLonE7..maxLonE7] x [minLatE7..maxLatE7] inclusive with the given cell size. */
    public static GridSpec covering(int minLonE7, int minLatE7, int maxLonE7, int maxLatE7, int cellE7) {
        int cols = (int) (((long) maxLonE7 - minLonE7) / cellE7) + 1;
        int rows = (int) (((long) maxLatE7 - minLatE7) / cellE7) + 1;
        return new GridSpec(minLonE7, minLatE7, cellE7, cols, rows);
    }

    public int cells() {
        return cols * rows;
    }

    public int col(int lonE7) {
        return (int) (((long) lonE7 - minLonE7) / cellE7);
    }

    public int row(int latE7) {
        return (int) (((long) latE7 - minLatE7) / cellE7);
    }

    public int key(int lonE7, int latE7) {
        return row(latE7) * cols + col(lonE7);
    }

    public double cellDegrees() {
        return cellE7 / E7;
    }

    /** West edge of column {@code c} in degrees. */
    public double lonOf(int c) {
        return ((long) minLonE7 + (long) c * cellE7) / E7;
    }

    /** South edge of row {@code r} in degrees. */
    public double latOf(int r) {
        return ((long) minLatE7 + (long) r * cellE7) / E7;
    }

    /** Column containing longitude {@code lon} (degrees), unclamped, by floating floor. */
    public int colAt(double lon) {
        return (int) Math.floor((lon * E7 - minLonE7) / cellE7);
    }

    public int rowAt(double lat) {
        return (int) Math.floor((lat * E7 - minLatE7) / cellE7);
    }

    public static int toE7(double degrees) {
        return (int) Math.round(degrees * E7);
    }

    public static double fromE7(int e7) {
        return e7 / E7;
    }
}
