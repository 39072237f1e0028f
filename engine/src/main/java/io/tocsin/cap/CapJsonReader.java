package io.tocsin.cap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON form written by {@link CapJsonWriter}: one alert object, an array of them, or
 * {@code {"alerts":[...]}}. Nesting depth and string length are bounded by {@link CapLimits}. Content after the
 * first JSON value is malformed ({@code JSON_MALFORMED}); an empty list is {@code JSON_NO_ALERT}. Text is
 * trimmed like XML text, and a character XML 1.0 cannot carry is a located {@code JSON_CHARACTER} error, so an
 * alert read cleanly from JSON writes to CAP XML and reads back equal. Thread-safe.
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
        // Trailing content after the first JSON value ("[] junk") is malformed, not ignored.
        this.mapper = new ObjectMapper(f).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
        if (alerts.isEmpty() && reasons.isEmpty()) {
            reasons.add(Reason.error("/", "JSON_NO_ALERT", "the JSON body holds no alert (an empty list)"));
        }
        return new Decoded(alerts, reasons);
    }

    private static void readOne(JsonNode n, List<Alert> alerts, List<Reason> reasons) {
        if (n == null || !n.isObject()) {
            reasons.add(Reason.error("/", "JSON_NOT_ALERT", "expected a JSON object for a CAP alert"));
            return;
        }
        Fields f = new Fields(reasons);
        String v = f.text(n, "version", "/alert");
        CapVersion version = v == null ? CapVersion.V1_2
                : "1.0".equals(v) ? CapVersion.V1_0 : "1.1".equals(v) ? CapVersion.V1_1 : CapVersion.V1_2;
        if (v != null && !v.equals("1.0") && !v.equals("1.1") && !v.equals("1.2")) {
            reasons.add(Reason.warning("/alert", "JSON_VERSION", "unknown CAP version '" + v + "', read as 1.2"));
        }
        List<AlertInfo> infos = new ArrayList<>();
        for (JsonNode i : array(n, "info")) {
            infos.add(info(f, i, "/alert/info[" + infos.size() + "]"));
        }
        String p = "/alert";
        alerts.add(new Alert(version, f.text(n, "identifier", p), f.text(n, "sender", p), f.text(n, "sent", p),
                f.text(n, "status", p), f.text(n, "msgType", p), f.text(n, "source", p), f.text(n, "scope", p),
                f.text(n, "restriction", p), f.text(n, "addresses", p), f.strings(n, "code", p),
                f.text(n, "note", p), f.text(n, "references", p), f.text(n, "incidents", p), infos));
    }

    private static AlertInfo info(Fields f, JsonNode n, String p) {
        List<Resource> resources = new ArrayList<>();
        for (JsonNode r : array(n, "resource")) {
            String rp = p + "/resource[" + resources.size() + "]";
            resources.add(new Resource(f.text(r, "resourceDesc", rp), f.text(r, "mimeType", rp),
                    f.text(r, "size", rp), f.text(r, "uri", rp), f.text(r, "derefUri", rp), f.text(r, "digest", rp)));
        }
        List<Area> areas = new ArrayList<>();
        for (JsonNode a : array(n, "area")) {
            String ap = p + "/area[" + areas.size() + "]";
            areas.add(new Area(f.text(a, "areaDesc", ap), f.strings(a, "polygon", ap), f.strings(a, "circle", ap),
                    f.named(a, "geocode", ap), f.text(a, "altitude", ap), f.text(a, "ceiling", ap)));
        }
        return new AlertInfo(f.text(n, "language", p), f.strings(n, "category", p), f.text(n, "event", p),
                f.strings(n, "responseType", p), f.text(n, "urgency", p), f.text(n, "severity", p),
                f.text(n, "certainty", p), f.text(n, "audience", p), f.named(n, "eventCode", p),
                f.text(n, "effective", p), f.text(n, "onset", p), f.text(n, "expires", p),
                f.text(n, "senderName", p), f.text(n, "headline", p), f.text(n, "description", p),
                f.text(n, "instruction", p), f.text(n, "web", p), f.text(n, "contact", p),
                f.named(n, "parameter", p), resources, areas);
    }

    private static Iterable<JsonNode> array(JsonNode n, String name) {
        JsonNode a = n.get(name);
        if (a == null || a.isNull()) {
            return List.of();
        }
        return a.isArray() ? a : List.of(a);
    }

    /**
     * Reads text fields the way the XML reader reads text: trimmed, and refusing (as {@code JSON_CHARACTER},
     * located) characters an XML document cannot carry, so that what reads cleanly from JSON writes to XML and
     * reads back the same.
     */
    private static final class Fields {
        private final List<Reason> reasons;

        Fields(List<Reason> reasons) {
            this.reasons = reasons;
        }

        String text(JsonNode n, String name, String parent) {
            JsonNode v = n == null ? null : n.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            return checked(v.isValueNode() ? v.asText() : v.toString(), parent + "/" + name);
        }

        List<String> strings(JsonNode n, String name, String parent) {
            List<String> out = new ArrayList<>();
            for (JsonNode v : array(n, name)) {
                String path = parent + "/" + name + "[" + out.size() + "]";
                out.add(v.isNull() ? "" : checked(v.isValueNode() ? v.asText() : v.toString(), path));
            }
            return out;
        }

        List<NamedValue> named(JsonNode n, String name, String parent) {
            List<NamedValue> out = new ArrayList<>();
            for (JsonNode v : array(n, name)) {
                String path = parent + "/" + name + "[" + out.size() + "]";
                out.add(new NamedValue(text(v, "valueName", path), text(v, "value", path)));
            }
            return out;
        }

        private String checked(String s, String path) {
            int bad = firstNonXmlChar(s);
            if (bad >= 0) {
                reasons.add(Reason.error(path, "JSON_CHARACTER", String.format(
                        "character U+%04X at offset %d cannot appear in CAP (XML 1.0)", (int) s.charAt(bad), bad)));
            }
            return s.trim();
        }
    }

    /** Index of the first char XML 1.0 cannot carry (C0 control but TAB/LF/CR, U+FFFE/F, lone surrogate), or -1. */
    static int firstNonXmlChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == 0xFFFE || c == 0xFFFF) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
