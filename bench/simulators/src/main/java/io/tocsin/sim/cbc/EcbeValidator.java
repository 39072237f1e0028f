package io.tocsin.sim.cbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a POSTed body the way osmo-cbc's REST layer does (its JSON schema as the running CBC enforces it,
 * not the schema's literal text): required {@code cbe_name}, {@code repetition_period} 0–4095,
 * {@code scope: {"scope_plmn": {}}}, {@code smscb_message} with a wrapped {@code serial_nr}, a
 * {@code message_id} 0–65535 and a wrapped {@code payload}. Encoded pages: 1–15 hex strings of at most 82
 * octets, all but the last exactly 82. Plus the Tocsin extension {@code x_tocsin_cells} (array of strings).
 *
 * <p>Stateless apart from a thread-safe ObjectMapper; thread-safe.
 */
public final class EcbeValidator {

    /** The outcome: a message, or the reason a real CBC would answer 400 with. */
    public record Result(EcbeMessage message, String error) {
        public boolean ok() {
            return message != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CATEGORIES = Set.of("normal", "high_priority", "background");
    private static final List<String> GEO_SCOPES = List.of("cell_wide_immediate", "plmn_wide", "lac_sac_tac_wide", "cell_wide");
    private static final Set<String> CHARSETS = Set.of("gsm", "8bit", "ucs2");

    public Result validate(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            return fail("REST: No JSON Body");
        }
        if (root == null || !root.isObject()) {
            return fail("CBCMSG must be JSON object");
        }
        JsonNode cbe = root.get("cbe_name");
        if (cbe == null || !cbe.isTextual()) {
            return fail("CBCMSG 'cbe_name' is mandatory");
        }
        String category = "normal";
        if (root.has("category")) {
            category = root.get("category").asText();
            if (!root.get("category").isTextual() || !CATEGORIES.contains(category)) {
                return fail("CBCMSG 'category' unknown");
            }
        }
        int rep = intIn(root, "repetition_period", 0, 4095);
        if (rep == MISSING) {
            return fail("CBCMSG 'repetiton_period' is mandatory");
        } else if (rep == BAD) {
            return fail("CBCMSG 'repetiton_period' out of range");
        }
        int bcast = intIn(root, "num_of_bcast", 0, 65535);
        if (bcast == BAD) {
            return fail("CBCMSG 'num_of_bcast' out of range");
        }
        if (intIn(root, "warning_period_sec", 0, 65535) == BAD) {
            return fail("CBCMSG 'warning_period_sec' out of range");
        }
        JsonNode scope = root.get("scope");
        if (scope == null) {
            return fail("CBCMSG 'scope' is mandatory");
        }
        if (!scope.isObject() || scope.get("scope_plmn") == null) {
            return fail("CBCMSG only 'scope_plmn' supported");
        }
        List<String> cells = new ArrayList<>();
        JsonNode ext = root.get("x_tocsin_cells");
        if (ext != null) {
            if (!ext.isArray()) {
                return fail("'x_tocsin_cells' must be an array of cell ids");
            }
            for (JsonNode c : ext) {
                if (!c.isTextual() || c.asText().isEmpty()) {
                    return fail("'x_tocsin_cells' must contain non-empty strings");
                }
                cells.add(c.asText());
            }
        }
        JsonNode smscb = root.get("smscb_message");
        if (smscb == null) {
            return fail("CBCMSG 'smscb_message' is mandatory");
        }
        return smscb(smscb, cbe.asText(), category, rep, bcast == MISSING ? 0 : bcast, cells);
    }

    private Result smscb(JsonNode in, String cbe, String category, int rep, int bcast, List<String> cells) {
        if (!in.isObject()) {
            return fail("not a JSON object");
        }
        JsonNode ser = in.get("serial_nr");
        if (ser == null) {
            return fail("serial_nr is mandatory");
        }
        if (!ser.isObject()) {
            return fail("'serial_nr' must be present and an object");
        }
        int serial;
        int encoded = intIn(ser, "serial_nr_encoded", 0, 65535);
        if (encoded >= 0) {
            serial = encoded;
        } else if (encoded == MISSING && ser.get("serial_nr_decoded") != null) {
            JsonNode d = ser.get("serial_nr_decoded");
            JsonNode gs = d.get("geo_scope");
            if (gs == null || !gs.isTextual()) {
                return fail("'geo_scope' is mandatory");
            }
            int geo = GEO_SCOPES.indexOf(gs.asText());
            if (geo < 0) {
                return fail("'geo_scope' is invalid");
            }
            int code = intIn(d, "msg_code", 0, 1023);
            if (code < 0) {
                return fail("'msg_code' is out of range");
            }
            int upd = intIn(d, "update_nr", 0, 15);
            if (upd < 0) {
                return fail("'update_nr' is out of range");
            }
            serial = (geo << 14) | (code << 4) | upd;
        } else {
            return fail("Either 'serial_nr_encoded' or 'serial_nr_decoded' are mandatory");
        }
        int id = intIn(in, "message_id", 0, 65535);
        if (id < 0) {
            return fail("message_id out of range");
        }
        JsonNode payload = in.get("payload");
        if (payload == null || !payload.isObject()) {
            return fail("'payload' must be JSON object");
        }
        if (payload.get("payload_encoded") != null) {
            return encoded(payload.get("payload_encoded"), cbe, category, rep, bcast, id, serial, cells);
        }
        if (payload.get("payload_decoded") != null) {
            JsonNode d = payload.get("payload_decoded");
            JsonNode cs = d.get("character_set");
            if (cs == null || !cs.isTextual()) {
                return fail("Currently 'character_set' is mandatory");
            }
            if (!CHARSETS.contains(cs.asText())) {
                return fail("Invalid 'character_set'");
            }
            JsonNode lang = d.get("language");
            if (lang != null && lang.isTextual() && lang.asText().length() > 2) {
                return fail("Only two-digit 'language' code is supported");
            }
            if (intIn(d, "dcs_class", 0, 3) == BAD) {
                return fail("'dcs_class' out of range");
            }
            JsonNode data = d.get("data_utf8");
            if (data == null || !data.isTextual()) {
                return fail("'data_utf8' is mandatory");
            }
            return ok(new EcbeMessage(cbe, category, rep, bcast, id, serial, "decoded", -1, List.of(), data.asText(), cells));
        }
        if (payload.get("payload_etws") != null) {
            JsonNode wt = payload.get("payload_etws").get("warning_type");
            if (wt == null || !wt.isObject()) {
                return fail("'warning_type' must be object");
            }
            if (wt.get("warning_type_encoded") == null && wt.get("warning_type_decoded") == null) {
                return fail("either 'warning_type_encoded' or 'warning_type_decoded' must be present");
            }
            return ok(new EcbeMessage(cbe, category, rep, bcast, id, serial, "etws", -1, List.of(), null, cells));
        }
        return fail("'payload_type_encoded', 'payload_type_decoded' or 'payload_etws' must be present");
    }

    private Result encoded(JsonNode in, String cbe, String category, int rep, int bcast, int id, int serial, List<String> cells) {
        int dcs = intIn(in, "dcs", 0, 255);
        if (dcs < 0) {
            return fail("'dcs' out of range");
        }
        JsonNode arr = in.get("pages");
        if (arr == null || !arr.isArray()) {
            return fail("'pages' absent or not an array");
        }
        if (arr.size() < 1 || arr.size() > 15) {
            return fail("'pages' array size out of range");
        }
        List<String> pages = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            JsonNode p = arr.get(i);
            if (!p.isTextual()) {
                return fail("'pages' array must contain strings");
            }
            String hex = p.asText();
            if (hex.length() > 164) {
                return fail("'pages' actual data array must contain strings up to 82 hex nibbles");
            }
            if (hex.length() % 2 != 0 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return fail("'pages' array must contain hex strings");
            }
            if (i < arr.size() - 1 && hex.length() != 164) {
                return fail("every page but the last must be 82 octets");
            }
            pages.add(hex);
        }
        return ok(new EcbeMessage(cbe, category, rep, bcast, id, serial, "encoded", dcs, pages, null, cells));
    }

    private static final int MISSING = -1;
    private static final int BAD = -2;

    /** The integer in range, MISSING when absent, BAD when not an integer or out of range. */
    private static int intIn(JsonNode parent, String key, int min, int max) {
        JsonNode n = parent.get(key);
        if (n == null) {
            return MISSING;
        }
        if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            return BAD;
        }
        return n.asInt();
    }

    private static Result ok(EcbeMessage m) {
        return new Result(m, null);
    }

    private static Result fail(String reason) {
        return new Result(null, reason);
    }
}
