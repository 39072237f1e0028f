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
 * the {@code ,"hash":"…"} suffix and hashes what is left.
 */
final class AuditLine {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH_FIELD = ",\"hash\":\"";

    private AuditLine() {
    }

    /**
     * The body, written by hand (one line per journal record on the pipeline thread: a Jackson tree cost more
     * than the record's hash). Strings are escaped as JSON requires; a null field is JSON {@code null}.
     */
    static String body(long seq, Instant at, String type, String actor, String alertId, String detail, String prev) {
        return body(seq, at, new InstantText(), type, actor, alertId, detail, prev);
    }

    /** The same, with the writer's {@link InstantText} (the timestamp exactly as {@code Instant.toString}). */
    static String body(long seq, Instant at, InstantText times, String type, String actor, String alertId,
                       String detail, String prev) {
        StringBuilder b = new StringBuilder(128 + (detail == null ? 0 : detail.length()));
        b.append("{\"seq\":").append(seq).append(",\"at\":\"");
        times.append(b, at);
        b.append('"');
        field(b, "type", type);
        field(b, "actor", actor);
        field(b, "alert", alertId);
        field(b, "detail", detail);
        field(b, "prev", prev);
        return b.append('}').toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append(",\"").append(name).append("\":");
        if (value == null) {
            b.append("null");
            return;
        }
        b.append('"');
        int plain = 0;
        while (plain < value.length() && value.charAt(plain) >= 0x20 && value.charAt(plain) != '"'
                && value.charAt(plain) != '\\') {
            plain++;
        }
        b.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

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
