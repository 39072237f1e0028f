package io.tocsin.connector;

import java.util.List;

/**
 * Who or what one dispatch is for. {@code address} is an MSISDN for SMS, a transmitter or station id for
 * radio and TV, an endpoint name for webhooks; {@code cells} lists cell ids for cell broadcast (empty = the
 * carrier's whole network); {@code groups} are the directory groups of a subscriber.
 */
public record Target(
        ChannelKind kind,
        String address,
        String carrier,
        String language,
        List<String> cells,
        List<String> groups) {

    public Target {
        cells = cells == null ? List.of() : List.copyOf(cells);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public static Target subscriber(String msisdn, String carrier, String language) {
        return new Target(ChannelKind.SMS, msisdn, carrier, language, List.of(), List.of());
    }
}
