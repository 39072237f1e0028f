package io.tocsin.connector.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One subscriber endpoint: where to POST, in which format, with which HMAC secret, and for which region
 * code prefixes and CAP categories (empty = all).
 */
record WebhookEndpoint(String name, URI url, Format format, byte[] secret, List<String> regions, List<String> categories) {

    enum Format { XML, JSON }

    static WebhookEndpoint fromSettings(JsonNode node, int index) {
        String where = "settings.endpoints[" + index + "]";
        String name = text(node, "name", where);
        URI url;
        try {
            url = URI.create(text(node, "url", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".url: not a URL: " + e.getMessage());
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException(where + ".url: scheme must be http or https");
        }
        String format = node.path("format").asText("xml").toUpperCase();
        Format f;
        try {
            f = Format.valueOf(format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".format: must be xml or json, was " + format);
        }
        String secret = node.path("secret").asText("");
        return new WebhookEndpoint(name, url, f, secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                strings(node.path("regions")), strings(node.path("categories")));
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + ": required");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }
}
