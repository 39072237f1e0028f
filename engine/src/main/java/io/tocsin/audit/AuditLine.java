package io.tocsin.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The byte form of a record: one JSON object per line, fields in a fixed order, the hash last:
 *
 * <pre>
 * {"seq":7,"at":"...","type":"CANCEL","actor":"op:li","alert":"A-3","detail":"...","prev":"ab12…"}  ← hashed body
 * {"seq":7,"at":"...","type":"CANCEL","actor":"op:li","alert":"A-3","detail":"...","prev":"ab12…","hash":"cd34…"}
 * </pre>
 *
 * The hash is computed over the body exactly as written, so verification needs no canonicalisation: it strips
 * the {@code ,"hash":"…"} suffix and hashes what is left.
 */
final class AuditLine {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH_FIELD = ",\"hash\":\"";

    private AuditLine() {
    }

    static String body(long seq, Instant at, String type, String actor, String alertId, String detail, String prev) {
        ObjectNode n = JSON.createObjectNode();
        n.put("seq", seq).put("at", at.toString()).put("type", type).put("actor", actor).put("alert", alertId)
                .put("detail", detail).put("prev", prev);
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String withHash(String body, String hash) {
        return body.substring(0, body.length() - 1) + HASH_FIELD + hash + "\"}";
    }

    /** The hashed body of a written line, or null when the line has no well-formed hash suffix. */
    static String bodyOf(String line) {
        int i = line.lastIndexOf(HASH_FIELD);
        if (i < 0 || !line.endsWith("\"}") || line.length() - i != HASH_FIELD.length() + 64 + 2) {
            return null;
        }
        return line.substring(0, i) + "}";
    }

    static String hashOf(String line) {
        int i = line.lastIndexOf(HASH_FIELD);
        return line.substring(i + HASH_FIELD.length(), line.length() - 2);
    }

    static AuditRecord parse(String line) throws JsonProcessingException {
        JsonNode n = JSON.readTree(line);
        return new AuditRecord(n.path("seq").asLong(-1), Instant.parse(n.path("at").asText()), n.path("type").asText(),
                n.path("actor").asText(null), n.path("alert").asText(null), n.path("detail").asText(null),
                n.path("prev").asText(), n.path("hash").asText());
    }
}
