package io.tocsin.cbs;

/**
 * Geographical scope of a CBS message (TS 23.041 §9.4.1.2.1, the 2 top bits of the serial number): how far a
 * phone that moves keeps treating the same serial number as "already shown".
 */
public enum GeoScope {
    CELL_WIDE_IMMEDIATE(0, "cell_wide_immediate"),
    PLMN_WIDE(1, "plmn_wide"),
    LAC_SAC_TAC_WIDE(2, "lac_sac_tac_wide"),
    CELL_WIDE(3, "cell_wide");

    private final int code;
    private final String ecbeName;

    GeoScope(int code, String ecbeName) {
        this.code = code;
        this.ecbeName = ecbeName;
    }

    public int code() {
        return code;
    }

    /** The name ECBE's {@code serial_nr_decoded.geo_scope} uses. */
    public String ecbeName() {
        return ecbeName;
    }

    public static GeoScope ofCode(int code) {
        return values()[code & 3];
    }

    /** The scope for an ECBE name, or null. */
    public static GeoScope ofEcbeName(String name) {
        for (GeoScope g : values()) {
            if (g.ecbeName.equals(name)) {
                return g;
            }
        }
        return null;
    }
}
