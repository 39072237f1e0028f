package io.tocsin.targeting.geo;

import org.locationtech.jts.geom.Geometry;

/**
 * One administrative area: its code (GB/T 2260 for China, or any scheme the GeoJSON uses), names in the
 * local language and in English, the code of its parent (null at the top), its (multi)polygon in WGS-84
 * lon/lat degrees and its population. Immutable; the geometry must not be mutated by callers.
 */
public record Region(String code, String nameZh, String nameEn, String parentCode, Geometry geometry,
                     long population) {

    /** The name people see first: the local name when present, otherwise the English one. */
    public String displayName() {
        return nameZh != null && !nameZh.isBlank() ? nameZh : nameEn;
    }
}
