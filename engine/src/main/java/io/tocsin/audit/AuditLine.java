package io.tocsin.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * the {@code ,"hash":"…"} suffix and hashes what is left. {@link AuditLineWriter} writes the lines (strings
 * escaped as JSON requires, a null field as JSON {@code null}, no spaces, UTF-8); this reads them back.
 */
final class AuditLine {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH_FIELD = ",\"hash\":\"";

    private AuditLine() {
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
