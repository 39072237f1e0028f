package io.tocsin.cap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the JSON form of the model: one object per alert whose field names are CAP's element names
 * ({@code info}, {@code area}, {@code polygon} ... are arrays; {@code version} is "1.0", "1.1" or "1.2").
 * Absent fields are omitted; present-but-empty ones are written as "". {@link CapJsonReader} reads it back
 * to an equal model.
 *
 * <pre>
 * {"version":"1.2","identifier":"..","sender":"..","sent":"..","status":"Actual","msgType":"Alert",
 *  "scope":"Public","code":[..],"info":[{"language":"zh-CN","category":["Met"],"event":"..",
 *  "eventCode":[{"valueName":"..","value":".."}],"area":[{"areaDesc":"..","polygon":[".."],
 *  "geocode":[{"valueName":"..","value":".."}]}]}]}
 * </pre>
 *
 * <p>Thread-safe.
 */
public final class CapJsonWriter {
    private static final JsonFactory JSON = new JsonFactory();

    public byte[] write(Alert alert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writeAlert(g, alert);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public String writeString(Alert alert) {
        return new String(write(alert), java.nio.charset.StandardCharsets.UTF_8);
    }

    static String versionText(CapVersion v) {
        if (v == null) {
            return null;
        }
        switch (v) {
            case V1_0: return "1.0";
            case V1_1: return "1.1";
            default: return "1.2";
        }
    }

    private static void writeAlert(JsonGenerator g, Alert a) throws IOException {
        g.writeStartObject();
        field(g, "version", versionText(a.version()));
        field(g, "identifier", a.identifier());
        field(g, "sender", a.sender());
        field(g, "sent", a.sent());
        field(g, "status", a.status());
        field(g, "msgType", a.msgType());
        field(g, "source", a.source());
        field(g, "scope", a.scope());
        field(g, "restriction", a.restriction());
        field(g, "addresses", a.addresses());
        strings(g, "code", a.codes());
        field(g, "note", a.note());
        field(g, "references", a.references());
        field(g, "incidents", a.incidents());
        if (!a.infos().isEmpty()) {
            g.writeArrayFieldStart("info");
            for (AlertInfo i : a.infos()) {
                writeInfo(g, i);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeInfo(JsonGenerator g, AlertInfo i) throws IOException {
        g.writeStartObject();
        field(g, "language", i.language());
        strings(g, "category", i.categories());
        field(g, "event", i.event());
        strings(g, "responseType", i.responseTypes());
        field(g, "urgency", i.urgency());
        field(g, "severity", i.severity());
        field(g, "certainty", i.certainty());
        field(g, "audience", i.audience());
        named(g, "eventCode", i.eventCodes());
        field(g, "effective", i.effective());
        field(g, "onset", i.onset());
        field(g, "expires", i.expires());
        field(g, "senderName", i.senderName());
        field(g, "headline", i.headline());
        field(g, "description", i.description());
        field(g, "instruction", i.instruction());
        field(g, "web", i.web());
        field(g, "contact", i.contact());
        named(g, "parameter", i.parameters());
        if (!i.resources().isEmpty()) {
            g.writeArrayFieldStart("resource");
            for (Resource r : i.resources()) {
                g.writeStartObject();
                field(g, "resourceDesc", r.resourceDesc());
                field(g, "mimeType", r.mimeType());
                field(g, "size", r.size());
                field(g, "uri", r.uri());
                field(g, "derefUri", r.derefUri());
                field(g, "digest", r.digest());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!i.areas().isEmpty()) {
            g.writeArrayFieldStart("area");
            for (Area a : i.areas()) {
                g.writeStartObject();
                field(g, "areaDesc", a.areaDesc());
                strings(g, "polygon", a.polygons());
                strings(g, "circle", a.circles());
                named(g, "geocode", a.geocodes());
                field(g, "altitude", a.altitude());
                field(g, "ceiling", a.ceiling());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(name);
        for (String v : values) {
            if (v == null) {
                g.writeNull();
            } else {
                g.writeString(v);
            }
        }
        g.writeEndArray();
    }

    private static void named(JsonGenerator g, String name, List<NamedValue> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(name);
        for (NamedValue v : values) {
            g.writeStartObject();
            field(g, "valueName", v.valueName());
            field(g, "value", v.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
