package io.tocsin.cbs.ecbe;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tocsin.cbs.connector.CbsBroadcast;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads ECBE JSON bodies (osmo-cbc's {@code cbc_message}):
 *
 * <pre>
 * {"cbe_name":"tocsin","category":"high_priority","repetition_period":60,"num_of_bcast":720,
 *  "scope":{"scope_plmn":{}},
 *  "smscb_message":{"serial_nr":{"serial_nr_decoded":{"geo_scope":"cell_wide","msg_code":517,"update_nr":0}},
 *                   "message_id":4371,
 *                   "payload":{"payload_encoded":{"dcs":72,"pages":["53F0...","..."]}}},
 *  "x_tocsin_cells":["460-00-9410-1","460-00-9410-2"]}     ← Tocsin extension, only when cells are listed
 * </pre>
 *
 * Streams the body with Jackson's generator (a city-wide cell list is ~10,000 strings). Thread-safe.
 */
public final class EcbeBodies {

    /** The extension field carrying the cell list; a CBC that ignores it broadcasts PLMN-wide. */
    public static final String CELLS_FIELD = "x_tocsin_cells";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EcbeBodies() {
    }

    public static byte[] create(String cbeName, CbsBroadcast b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + b.content().pageCount() * 170 + b.cells().size() * 24);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("cbe_name", cbeName);
            g.writeStringField("category", b.category());
            g.writeNumberField("repetition_period", b.repetitionPeriod());
            g.writeNumberField("num_of_bcast", b.broadcasts());
            g.writeObjectFieldStart("scope");
            g.writeObjectFieldStart("scope_plmn");
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("smscb_message");
            g.writeObjectFieldStart("serial_nr");
            g.writeObjectFieldStart("serial_nr_decoded");
            g.writeStringField("geo_scope", b.serial().geoScope().ecbeName());
            g.writeNumberField("msg_code", b.serial().messageCode());
            g.writeNumberField("update_nr", b.serial().updateNumber());
            g.writeEndObject();
            g.writeEndObject();
            g.writeNumberField("message_id", b.messageId());
            g.writeObjectFieldStart("payload");
            g.writeObjectFieldStart("payload_encoded");
            g.writeNumberField("dcs", b.content().dcs());
            g.writeArrayFieldStart("pages");
            for (String page : b.content().hexPages()) {
                g.writeString(page);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            if (!b.cells().isEmpty()) {
                g.writeArrayFieldStart(CELLS_FIELD);
                for (String cell : b.cells()) {
                    g.writeString(cell);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Per-cell outcome from a JSON 201 answer: installed count (-1 if absent) and failed cells. */
    public record CellReport(int installed, List<String> failed) {
    }

    /** Reads the simulator-style JSON answer; null when the body is not that JSON (e.g. osmo-cbc's "Created"). */
    public static CellReport cellReport(String body) {
        if (body == null || body.isEmpty() || body.charAt(0) != '{') {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(body);
            List<String> failed = new ArrayList<>();
            for (JsonNode c : n.path("cells_failed")) {
                failed.add(c.asText());
            }
            return new CellReport(n.path("cells_installed").asInt(-1), failed);
        } catch (IOException e) {
            return null;
        }
    }
}
