package io.tocsin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Where the engine's geography comes from. Paths are relative to the base directory; null = not used.
 * {@code settings} holds anything further the targeting component reads. Immutable.
 *
 * @param regions      GeoJSON of administrative regions (code, name, parent, population, polygon)
 * @param directory    subscriber directory file, or null for a synthetic one
 * @param cellSites    cell sites per carrier
 * @param transmitters radio transmitters
 * @param stations     TV stations
 */
public record GeographyConfig(
        String regions,
        String directory,
        String cellSites,
        String transmitters,
        String stations,
        JsonNode settings) {

    public GeographyConfig {
        settings = settings == null ? JsonNodeFactory.instance.objectNode() : settings;
    }

    public static GeographyConfig none() {
        return new GeographyConfig(null, null, null, null, null, null);
    }
}
