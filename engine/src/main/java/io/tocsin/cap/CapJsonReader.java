package io.tocsin.cap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON form written by {@link CapJsonWriter}: one alert object, an array of them, or
 * {@code {"alerts":[...]}}. Nesting depth and string length are bounded by {@link CapLimits}.
 * Thread-safe.
 */
final class CapJsonReader {
    private final ObjectMapper mapper;

    CapJsonReader(CapLimits limits) {
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Math.min(limits.maxDepth(), 64))
                        .maxStringLength(limits.maxTextLength())
                        .maxDocumentLength(limits.maxBytes())
                        .build())
                .build();
        this.mapper = new ObjectMapper(f);
    }

    Decoded read(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            String code = e.getOriginalMessage() != null && e.getOriginalMessage().contains("exceeds")
                    ? "JSON_LIMIT" : "JSON_MALFORMED";
            return new Decoded(List.of(), List.of(Reason.error("/", code, e.getOriginalMessage() + where)));
        } catch (IOException e) {
            return new Decoded(List.of(), List.of(Reason.error("/", "JSON_MALFORMED", String.valueOf(e.getMessage()))));
        }
        List<Reason> reasons = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        JsonNode list = root != null && root.isObject() && root.has("alerts") ? root.get("alerts") : root;
        if (list != null && list.isArray()) {
            for (JsonNode n : list) {
                readOne(n, alerts, reasons);
            }
        } else {
            readOne(list, alerts, reasons);
        }
        return new Decoded(alerts, reasons);
    }

    private static void readOne(JsonNode n, List<Alert> alerts, List<Reason> reasons) {
        if (n == null || !n.isObject()) {
            reasons.add(Reason.error("/", "JSON_NOT_ALERT", "expected a JSON object for a CAP alert"));
            return;
        }
        String v = text(n, "version");
        CapVersion version = v == null ? CapVersion.V1_2
                : "1.0".equals(v) ? CapVersion.V1_0 : "1.1".equals(v) ? CapVersion.V1_1 : CapVersion.V1_2;
        if (v != null && !v.equals("1.0") && !v.equals("1.1") && !v.equals("1.2")) {
            reasons.add(Reason.warning("/alert", "JSON_VERSION", "unknown CAP version '" + v + "', read as 1.2"));
        }
        List<AlertInfo> infos = new ArrayList<>();
        for (JsonNode i : array(n, "info")) {
            infos.add(info(i));
        }
        alerts.add(new Alert(version, text(n, "identifier"), text(n, "sender"), text(n, "sent"),
                text(n, "status"), text(n, "msgType"), text(n, "source"), text(n, "scope"),
                text(n, "restriction"), text(n, "addresses"), strings(n, "code"), text(n, "note"),
                text(n, "references"), text(n, "incidents"), infos));
    }

    private static AlertInfo info(JsonNode n) {
        List<Resource> resources = new ArrayList<>();
        for (JsonNode r : array(n, "resource")) {
            resources.add(new Resource(text(r, "resourceDesc"), text(r, "mimeType"), text(r, "size"),
                    text(r, "uri"), text(r, "derefUri"), text(r, "digest")));
        }
        List<Area> areas = new ArrayList<>();
        for (JsonNode a : array(n, "area")) {
            areas.add(new Area(text(a, "areaDesc"), strings(a, "polygon"), strings(a, "circle"),
                    named(a, "geocode"), text(a, "altitude"), text(a, "ceiling")));
        }
        return new AlertInfo(text(n, "language"), strings(n, "category"), text(n, "event"),
                strings(n, "responseType"), text(n, "urgency"), text(n, "severity"), text(n, "certainty"),
                text(n, "audience"), named(n, "eventCode"), text(n, "effective"), text(n, "onset"),
                text(n, "expires"), text(n, "senderName"), text(n, "headline"), text(n, "description"),
                text(n, "instruction"), text(n, "web"), text(n, "contact"), named(n, "parameter"), resources, areas);
    }

    private static Iterable<JsonNode> array(JsonNode n, String name) {
        JsonNode a = n.get(name);
        if (a == null || a.isNull()) {
            return List.of();
        }
        return a.isArray() ? a : List.of(a);
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n == null ? null : n.get(name);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    private static List<String> strings(JsonNode n, String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array(n, name)) {
            out.add(v.isNull() ? "" : v.asText());
        }
        return out;
    }

    private static List<NamedValue> named(JsonNode n, String name) {
        List<NamedValue> out = new ArrayList<>();
        for (JsonNode v : array(n, name)) {
            out.add(new NamedValue(text(v, "valueName"), text(v, "value")));
        }
        return out;
    }
}
