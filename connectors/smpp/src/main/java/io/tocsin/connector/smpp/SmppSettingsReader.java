package io.tocsin.connector.smpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and validates {@link SmppSettings} from the connector's JSON settings; every problem is an
 * {@link IllegalArgumentException} naming the setting. Accepts either a {@code carriers} list or, for an
 * instance serving one carrier, {@code carrier} + {@code binds} at the top level.
 *
 * <p>Stateless and thread-safe.
 */
public final class SmppSettingsReader {

    private SmppSettingsReader() {
    }

    public static SmppSettings read(JsonNode root, String instanceName) {
        JsonNode s = root == null || root.isNull() ? JsonNodeFactory.instance.objectNode() : root;
        List<CarrierSettings> carriers = new ArrayList<>();
        if (s.has("carriers")) {
            JsonNode list = s.get("carriers");
            require(list.isArray() && list.size() > 0, "carriers", "must be a non-empty list");
            for (int i = 0; i < list.size(); i++) {
                carriers.add(carrier(list.get(i), "carriers[" + i + "]", null));
            }
        } else {
            require(s.has("binds"), "carriers", "missing (or give carrier + binds at the top level)");
            carriers.add(carrier(s, "", instanceName));
        }
        Set<String> names = new HashSet<>();
        for (CarrierSettings c : carriers) {
            require(names.add(c.name().toLowerCase(Locale.ROOT)), "carriers", "duplicate carrier " + c.name());
        }
        String concat = text(s, "concatenation", "udh").toUpperCase(Locale.ROOT);
        require(concat.equals("UDH") || concat.equals("SAR"), "concatenation", "must be udh or sar");
        int maxSegments = integer(s, "max_segments", 10);
        require(maxSegments >= 1 && maxSegments <= 255, "max_segments", "must be 1..255");
        return new SmppSettings(
                text(s, "default_language", "zh-CN"),
                text(s, "source_address", "12379"),
                (byte) integer(s, "source_ton", 3),
                (byte) integer(s, "source_npi", 0),
                (byte) integer(s, "dest_ton", 1),
                (byte) integer(s, "dest_npi", 1),
                SmppSettings.Concatenation.valueOf(concat),
                maxSegments,
                seconds(s, "enquire_link_seconds", 30),
                millis(s, "transaction_timeout_ms", 5000),
                millis(path(s, "reconnect"), "initial_ms", 250),
                millis(path(s, "reconnect"), "max_ms", 30_000),
                millis(path(s, "throttle_backoff"), "initial_ms", 50),
                millis(path(s, "throttle_backoff"), "max_ms", 5_000),
                seconds(s, "receipt_timeout_seconds", 600),
                integer(s, "max_attempts", 8),
                integer(s, "queue_capacity", 4096),
                carriers);
    }

    private static CarrierSettings carrier(JsonNode c, String at, String fallbackName) {
        String p = at.isEmpty() ? "" : at + ".";
        String name = text(c, fallbackName == null ? "name" : "carrier", fallbackName);
        require(name != null && !name.isBlank(), p + "name", "missing");
        double accountTps = number(c, "account_tps", 0);
        require(accountTps >= 0, p + "account_tps", "must be >= 0");
        List<String> prefixes = new ArrayList<>();
        if (c.has("prefixes")) {
            c.get("prefixes").forEach(x -> prefixes.add(x.asText()));
        }
        JsonNode binds = c.get("binds");
        require(binds != null && binds.isArray() && binds.size() > 0, p + "binds", "must be a non-empty list");
        List<BindSettings> out = new ArrayList<>();
        for (int i = 0; i < binds.size(); i++) {
            JsonNode b = binds.get(i);
            String bp = p + "binds[" + i + "].";
            String host = text(b, "host", "127.0.0.1");
            int port = integer(b, "port", -1);
            require(port > 0 && port < 65536, bp + "port", "must be 1..65535");
            String systemId = text(b, "system_id", null);
            require(systemId != null && !systemId.isEmpty() && systemId.length() <= 15, bp + "system_id",
                    "must be 1..15 characters");
            String type = text(b, "bind_type", "transceiver").toLowerCase(Locale.ROOT).replace(" ", "");
            BindSettings.BindMode mode;
            if (type.equals("transceiver") || type.equals("trx")) {
                mode = BindSettings.BindMode.TRANSCEIVER;
            } else if (type.equals("transmitter+receiver") || type.equals("tx+rx")) {
                mode = BindSettings.BindMode.TRANSMITTER_RECEIVER;
            } else {
                throw bad(bp + "bind_type", "must be transceiver or transmitter+receiver");
            }
            int window = integer(b, "window", 16);
            require(window >= 1 && window <= 1024, bp + "window", "must be 1..1024");
            double tps = number(b, "tps", 0);
            require(tps >= 0, bp + "tps", "must be >= 0");
            int count = integer(b, "count", 1);
            require(count >= 1 && count <= 64, bp + "count", "must be 1..64");
            for (int k = 0; k < count; k++) {
                out.add(new BindSettings(host, port, systemId, text(b, "password", ""), text(b, "system_type", ""),
                        mode, window, tps));
            }
        }
        return new CarrierSettings(name, accountTps, prefixes, text(c, "source_address", null), out);
    }

    private static JsonNode path(JsonNode s, String field) {
        JsonNode n = s.get(field);
        return n == null ? new ObjectNode(JsonNodeFactory.instance) : n;
    }

    private static String text(JsonNode s, String field, String fallback) {
        JsonNode n = s.get(field);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    private static int integer(JsonNode s, String field, int fallback) {
        JsonNode n = s.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        require(n.canConvertToInt(), field, "must be an integer");
        return n.asInt();
    }

    private static double number(JsonNode s, String field, double fallback) {
        JsonNode n = s.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        require(n.isNumber(), field, "must be a number");
        return n.asDouble();
    }

    private static Duration seconds(JsonNode s, String field, long fallback) {
        long v = integer(s, field, (int) fallback);
        require(v > 0, field, "must be > 0");
        return Duration.ofSeconds(v);
    }

    private static Duration millis(JsonNode s, String field, long fallback) {
        long v = integer(s, field, (int) fallback);
        require(v > 0, field, "must be > 0");
        return Duration.ofMillis(v);
    }

    private static void require(boolean ok, String setting, String message) {
        if (!ok) {
            throw bad(setting, message);
        }
    }

    private static IllegalArgumentException bad(String setting, String message) {
        return new IllegalArgumentException("smpp setting " + setting + ": " + message);
    }
}
