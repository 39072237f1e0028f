package io.tocsin.cap;

import java.util.List;

/**
 * A national or agency profile layered on CAP 1.2 (IPAWS, CAP-CP, China's CPEAS feed...): extra rules checked
 * after the core ones, reported as located {@link Reason}s with the same path convention
 * ({@code /alert/info[0]/area[1]/geocode[2]}).
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface CapProfile {

    /** Short name used on the command line, e.g. {@code ipaws}. */
    String name();

    /** Human name, e.g. "IPAWS v1.0". */
    String title();

    /** Appends this profile's findings about {@code alert} to {@code out}. */
    void check(Alert alert, List<Reason> out);
}
