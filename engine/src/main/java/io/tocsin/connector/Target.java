package io.tocsin.connector;

import java.util.List;

/**
 * Who or what one dispatch is for. {@code address} is an MSISDN for SMS, a transmitter or station id for
 * radio and TV, an endpoint name for webhooks; {@code cells} lists cell ids for cell broadcast (empty = the
 * carrier's whole network); {@code groups} are the directory groups of a subscriber; {@code region} is the
 * administrative region code an SMS subscriber is located in (null when unknown or for whole-area channels),
 * which the ledger uses to count delivered reach per region. Connectors may ignore it.
 */
public record Target(
        ChannelKind kind,
        String address,
        String carrier,
        String language,
        List<String> cells,
        List<String> groups,
        String region) {

    public Target {
        cells = cells == null ? List.of() : List.copyOf(cells);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A target without a region (whole-area channels, or a subscriber whose region is unknown). */
    public Target(ChannelKind kind, String address, String carrier, String language, List<String> cells,
                  List<String> groups) {
        this(kind, address, carrier, language, cells, groups, null);
    }

    public static Target subscriber(String msisdn, String carrier, String language) {
        return new Target(ChannelKind.SMS, msisdn, carrier, language, List.of(), List.of(), null);
    }

    /** A subscriber located in {@code region} (a region code of the geography; null = unknown). */
    public static Target subscriber(String msisdn, String carrier, String language, String region) {
        return new Target(ChannelKind.SMS, msisdn, carrier, language, List.of(), List.of(), region);
    }
}
