package io.tocsin.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.cap.NamedValue;
import io.tocsin.cap.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Writes an {@link Alert} as the journal's JSON, field by field: exactly the bytes Jackson's databind writes for
 * the records (components in declaration order, nulls written, enums by name), so {@link AlertCodec#decode} and
 * every journal written before read the same. Written by hand because databind's reflective record access was
 * the largest single cost of journaling an alert on the pipeline thread. Stateless and thread-safe.
 */
final class AlertJsonWriter {
    // Field names with their quoted UTF-8 form computed once.
    private static final SerializedString F_ADDRESSES = new SerializedString("addresses");
    private static final SerializedString F_ALTITUDE = new SerializedString("altitude");
    private static final SerializedString F_AREADESC = new SerializedString("areaDesc");
    private static final SerializedString F_AREAS = new SerializedString("areas");
    private static final SerializedString F_AUDIENCE = new SerializedString("audience");
    private static final SerializedString F_CATEGORIES = new SerializedString("categories");
    private static final SerializedString F_CEILING = new SerializedString("ceiling");
    private static final SerializedString F_CERTAINTY = new SerializedString("certainty");
    private static final SerializedString F_CIRCLES = new SerializedString("circles");
    private static final SerializedString F_CODES = new SerializedString("codes");
    private static final SerializedString F_CONTACT = new SerializedString("contact");
    private static final SerializedString F_DEREFURI = new SerializedString("derefUri");
    private static final SerializedString F_DESCRIPTION = new SerializedString("description");
    private static final SerializedString F_DIGEST = new SerializedString("digest");
    private static final SerializedString F_EFFECTIVE = new SerializedString("effective");
    private static final SerializedString F_EVENT = new SerializedString("event");
    private static final SerializedString F_EVENTCODES = new SerializedString("eventCodes");
    private static final SerializedString F_EXPIRES = new SerializedString("expires");
    private static final SerializedString F_GEOCODES = new SerializedString("geocodes");
    private static final SerializedString F_HEADLINE = new SerializedString("headline");
    private static final SerializedString F_IDENTIFIER = new SerializedString("identifier");
    private static final SerializedString F_INCIDENTS = new SerializedString("incidents");
    private static final SerializedString F_INFOS = new SerializedString("infos");
    private static final SerializedString F_INSTRUCTION = new SerializedString("instruction");
    private static final SerializedString F_LANGUAGE = new SerializedString("language");
    private static final SerializedString F_MIMETYPE = new SerializedString("mimeType");
    private static final SerializedString F_MSGTYPE = new SerializedString("msgType");
    private static final SerializedString F_NOTE = new SerializedString("note");
    private static final SerializedString F_ONSET = new SerializedString("onset");
    private static final SerializedString F_PARAMETERS = new SerializedString("parameters");
    private static final SerializedString F_POLYGONS = new SerializedString("polygons");
    private static final SerializedString F_REFERENCES = new SerializedString("references");
    private static final SerializedString F_RESOURCEDESC = new SerializedString("resourceDesc");
    private static final SerializedString F_RESOURCES = new SerializedString("resources");
    private static final SerializedString F_RESPONSETYPES = new SerializedString("responseTypes");
    private static final SerializedString F_RESTRICTION = new SerializedString("restriction");
    private static final SerializedString F_SCOPE = new SerializedString("scope");
    private static final SerializedString F_SENDER = new SerializedString("sender");
    private static final SerializedString F_SENDERNAME = new SerializedString("senderName");
    private static final SerializedString F_SENT = new SerializedString("sent");
    private static final SerializedString F_SEVERITY = new SerializedString("severity");
    private static final SerializedString F_SIZE = new SerializedString("size");
    private static final SerializedString F_SOURCE = new SerializedString("source");
    private static final SerializedString F_STATUS = new SerializedString("status");
    private static final SerializedString F_URGENCY = new SerializedString("urgency");
    private static final SerializedString F_URI = new SerializedString("uri");
    private static final SerializedString F_VALUE = new SerializedString("value");
    private static final SerializedString F_VALUENAME = new SerializedString("valueName");
    private static final SerializedString F_VERSION = new SerializedString("version");
    private static final SerializedString F_WEB = new SerializedString("web");

    private final JsonFactory factory;

    AlertJsonWriter(JsonFactory factory) {
        this.factory = factory;
    }

    byte[] write(Alert a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        write(a, out);
        return out.toByteArray();
    }

    /** Writes the alert's JSON to {@code out} (not closed). */
    void write(Alert a, java.io.OutputStream out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            str(g, F_VERSION, a.version() == null ? null : a.version().name());
            str(g, F_IDENTIFIER, a.identifier());
            str(g, F_SENDER, a.sender());
            str(g, F_SENT, a.sent());
            str(g, F_STATUS, a.status());
            str(g, F_MSGTYPE, a.msgType());
            str(g, F_SOURCE, a.source());
            str(g, F_SCOPE, a.scope());
            str(g, F_RESTRICTION, a.restriction());
            str(g, F_ADDRESSES, a.addresses());
            strings(g, F_CODES, a.codes());
            str(g, F_NOTE, a.note());
            str(g, F_REFERENCES, a.references());
            str(g, F_INCIDENTS, a.incidents());
            list(g, F_INFOS, a.infos(), AlertJsonWriter::info);
            g.writeEndObject();
        }
    }

    private static void info(JsonGenerator g, AlertInfo i) throws IOException {
        g.writeStartObject();
        str(g, F_LANGUAGE, i.language());
        strings(g, F_CATEGORIES, i.categories());
        str(g, F_EVENT, i.event());
        strings(g, F_RESPONSETYPES, i.responseTypes());
        str(g, F_URGENCY, i.urgency());
        str(g, F_SEVERITY, i.severity());
        str(g, F_CERTAINTY, i.certainty());
        str(g, F_AUDIENCE, i.audience());
        namedValues(g, F_EVENTCODES, i.eventCodes());
        str(g, F_EFFECTIVE, i.effective());
        str(g, F_ONSET, i.onset());
        str(g, F_EXPIRES, i.expires());
        str(g, F_SENDERNAME, i.senderName());
        str(g, F_HEADLINE, i.headline());
        str(g, F_DESCRIPTION, i.description());
        str(g, F_INSTRUCTION, i.instruction());
        str(g, F_WEB, i.web());
        str(g, F_CONTACT, i.contact());
        namedValues(g, F_PARAMETERS, i.parameters());
        list(g, F_RESOURCES, i.resources(), AlertJsonWriter::resource);
        list(g, F_AREAS, i.areas(), AlertJsonWriter::area);
        g.writeEndObject();
    }

    private static void resource(JsonGenerator g, Resource r) throws IOException {
        g.writeStartObject();
        str(g, F_RESOURCEDESC, r.resourceDesc());
        str(g, F_MIMETYPE, r.mimeType());
        str(g, F_SIZE, r.size());
        str(g, F_URI, r.uri());
        str(g, F_DEREFURI, r.derefUri());
        str(g, F_DIGEST, r.digest());
        g.writeEndObject();
    }

    private static void area(JsonGenerator g, Area a) throws IOException {
        g.writeStartObject();
        str(g, F_AREADESC, a.areaDesc());
        strings(g, F_POLYGONS, a.polygons());
        strings(g, F_CIRCLES, a.circles());
        namedValues(g, F_GEOCODES, a.geocodes());
        str(g, F_ALTITUDE, a.altitude());
        str(g, F_CEILING, a.ceiling());
        g.writeEndObject();
    }

    private static void str(JsonGenerator g, SerializedString name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private static void strings(JsonGenerator g, SerializedString name, List<String> values) throws IOException {
        list(g, name, values, JsonGenerator::writeString);
    }

    private static void namedValues(JsonGenerator g, SerializedString name, List<NamedValue> values)
            throws IOException {
        list(g, name, values, AlertJsonWriter::namedValue);
    }

    private static void namedValue(JsonGenerator g, NamedValue v) throws IOException {
        g.writeStartObject();
        str(g, F_VALUENAME, v.valueName());
        str(g, F_VALUE, v.value());
        g.writeEndObject();
    }

    /** One item of a list: never called with null (a null item is written as JSON null). */
    private interface ItemWriter<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    /** A list field: null, or an array whose null items are JSON null (as databind writes them). */
    private static <T> void list(JsonGenerator g, SerializedString name, List<T> values, ItemWriter<T> item)
            throws IOException {
        g.writeFieldName(name);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (int i = 0, n = values.size(); i < n; i++) { // indexed: the CAP model's lists are random-access
            T v = values.get(i);
            if (v == null) {
                g.writeNull();
            } else {
                item.write(g, v);
            }
        }
        g.writeEndArray();
    }
}
