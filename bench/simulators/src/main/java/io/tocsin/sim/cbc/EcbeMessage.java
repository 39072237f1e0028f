package io.tocsin.sim.cbc;

import java.util.List;

/**
 * One ECBE {@code cbc_message} as the simulator understood it.
 *
 * @param cells the Tocsin extension {@code x_tocsin_cells}; empty = the whole network (scope_plmn)
 * @param pages hex pages of {@code payload_encoded}; empty for decoded/ETWS payloads
 *
 * <p>Immutable; thread-safe.
 */
public record EcbeMessage(
        String cbeName,
        String category,
        int repetitionPeriod,
        int numOfBcast,
        int messageId,
        int serialNumber,
        String payloadKind,
        int dcs,
        List<String> pages,
        String dataUtf8,
        List<String> cells) {

    public EcbeMessage {
        pages = List.copyOf(pages);
        cells = List.copyOf(cells);
    }

    /** Geographical scope (2 bits) and message code (10 bits): what stays the same across updates. */
    public int serialWithoutUpdate() {
        return serialNumber >>> 4;
    }

    public int updateNumber() {
        return serialNumber & 0xF;
    }

    public int messageCode() {
        return (serialNumber >>> 4) & 0x3FF;
    }

    public int geoScope() {
        return serialNumber >>> 14;
    }
}
