package io.tocsin.cbs.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/**
 * One CBC front end of a carrier: its base URL (the ECBE API lives under {@code /api/ecbe/v1}) and its own
 * request rate and in-flight limits. Immutable.
 *
 * @param ratePerSecond requests per second this endpoint accepts from us (0 = unlimited)
 * @param maxInFlight   requests awaiting an answer at once
 */
public record EndpointSettings(String name, URI url, double ratePerSecond, int maxInFlight) {

    static EndpointSettings from(JsonNode node, int index) {
        String defaultName = index == 0 ? "primary" : index == 1 ? "secondary" : "endpoint-" + (index + 1);
        if (node.isTextual()) {
            return new EndpointSettings(defaultName, url(node.asText(), index), 0, 64);
        }
        JsonNode u = node.get("url");
        if (u == null || !u.isTextual()) {
            throw new IllegalArgumentException("endpoints[" + index + "].url is required");
        }
        double rate = node.path("rate_per_second").asDouble(0);
        int inFlight = node.path("max_in_flight").asInt(64);
        if (rate < 0 || inFlight < 1) {
            throw new IllegalArgumentException("endpoints[" + index + "]: rate_per_second must be >= 0 and max_in_flight >= 1");
        }
        return new EndpointSettings(node.path("name").asText(defaultName), url(u.asText(), index), rate, inFlight);
    }

    private static URI url(String text, int index) {
        URI uri;
        try {
            uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoints[" + index + "].url is not a URL: " + text);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("endpoints[" + index + "].url must be http(s): " + text);
        }
        return uri;
    }
}
