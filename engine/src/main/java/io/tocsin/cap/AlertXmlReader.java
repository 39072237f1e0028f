package io.tocsin.cap;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one CAP {@code <alert>} element (1.0, 1.1 or 1.2) into the model, in any element order. Unknown and
 * foreign elements (XML-DSig {@code Signature}, vendor extensions) are skipped; a repeated single-valued
 * element keeps its first value and is reported as a warning. Not thread-safe: one per document.
 */
final class AlertXmlReader extends StaxCursor {

    AlertXmlReader(XMLStreamReader r, List<Reason> reasons) {
        super(r, reasons);
    }

    /** Reads the alert at the current start tag; leaves the reader on its end tag. */
    Alert readAlert(String path) throws XMLStreamException {
        String ns = r.getNamespaceURI();
        CapVersion version = CapVersion.ofNamespace(ns);
        String identifier = null, sender = null, sent = null, status = null, msgType = null, source = null;
        String scope = null, restriction = null, addresses = null, note = null, references = null;
        String incidents = null;
        List<String> codes = null;
        List<AlertInfo> infos = new ArrayList<>(2);
        while (nextChild()) {
            if (!ours(ns)) {
                skip();
                continue;
            }
            String name = r.getLocalName();
            switch (name) {
                case "identifier": identifier = once(identifier, text(), path, name); break;
                case "sender": sender = once(sender, text(), path, name); break;
                case "sent": sent = once(sent, text(), path, name); break;
                case "status": status = once(status, text(), path, name); break;
                case "msgType": msgType = once(msgType, text(), path, name); break;
                case "source": source = once(source, text(), path, name); break;
                case "scope": scope = once(scope, text(), path, name); break;
                case "restriction": restriction = once(restriction, text(), path, name); break;
                case "addresses": addresses = once(addresses, text(), path, name); break;
                case "code": codes = add(codes, text()); break;
                case "note": note = once(note, text(), path, name); break;
                case "references": references = once(references, text(), path, name); break;
                case "incidents": incidents = once(incidents, text(), path, name); break;
                case "info": infos.add(readInfo(ns, path + "/info[" + infos.size() + "]")); break;
                default: skip(); break;
            }
        }
        return new Alert(version, identifier, sender, sent, status, msgType, source, scope, restriction,
                addresses, codes, note, references, incidents, infos);
    }

    private AlertInfo readInfo(String ns, String path) throws XMLStreamException {
        String language = null, event = null, urgency = null, severity = null, certainty = null;
        String audience = null, effective = null, onset = null, expires = null, senderName = null;
        String headline = null, description = null, instruction = null, web = null, contact = null;
        List<String> categories = null;
        List<String> responseTypes = null;
        List<NamedValue> eventCodes = null;
        List<NamedValue> parameters = null;
        List<Resource> resources = null;
        List<Area> areas = null;
        while (nextChild()) {
            if (!ours(ns)) {
                skip();
                continue;
            }
            String name = r.getLocalName();
            switch (name) {
                case "language": language = once(language, text(), path, name); break;
                case "category": categories = add(categories, text()); break;
                case "event": event = once(event, text(), path, name); break;
                case "responseType": responseTypes = add(responseTypes, text()); break;
                case "urgency": urgency = once(urgency, text(), path, name); break;
                case "severity": severity = once(severity, text(), path, name); break;
                case "certainty": certainty = once(certainty, text(), path, name); break;
                case "audience": audience = once(audience, text(), path, name); break;
                case "eventCode": eventCodes = add(eventCodes, readNamedValue(ns)); break;
                case "effective": effective = once(effective, text(), path, name); break;
                case "onset": onset = once(onset, text(), path, name); break;
                case "expires": expires = once(expires, text(), path, name); break;
                case "senderName": senderName = once(senderName, text(), path, name); break;
                case "headline": headline = once(headline, text(), path, name); break;
                case "description": description = once(description, text(), path, name); break;
                case "instruction": instruction = once(instruction, text(), path, name); break;
                case "web": web = once(web, text(), path, name); break;
                case "contact": contact = once(contact, text(), path, name); break;
                case "parameter": parameters = add(parameters, readNamedValue(ns)); break;
                case "resource":
                    resources = add(resources, readResource(ns, path + "/resource[" + size(resources) + "]"));
                    break;
                case "area": areas = add(areas, readArea(ns, path + "/area[" + size(areas) + "]")); break;
                default: skip(); break;
            }
        }
        return new AlertInfo(language, categories, event, responseTypes, urgency, severity, certainty, audience,
                eventCodes, effective, onset, expires, senderName, headline, description, instruction, web,
                contact, parameters, resources, areas);
    }

    private Resource readResource(String ns, String path) throws XMLStreamException {
        String desc = null, mime = null, size = null, uri = null, deref = null, digest = null;
        while (nextChild()) {
            if (!ours(ns)) {
                skip();
                continue;
            }
            String name = r.getLocalName();
            switch (name) {
                case "resourceDesc": desc = once(desc, text(), path, name); break;
                case "mimeType": mime = once(mime, text(), path, name); break;
                case "size": size = once(size, text(), path, name); break;
                case "uri": uri = once(uri, text(), path, name); break;
                case "derefUri": deref = once(deref, text(), path, name); break;
                case "digest": digest = once(digest, text(), path, name); break;
                default: skip(); break;
            }
        }
        return new Resource(desc, mime, size, uri, deref, digest);
    }

    private Area readArea(String ns, String path) throws XMLStreamException {
        String desc = null, altitude = null, ceiling = null;
        List<String> polygons = null;
        List<String> circles = null;
        List<NamedValue> geocodes = null;
        while (nextChild()) {
            if (!ours(ns)) {
                skip();
                continue;
            }
            String name = r.getLocalName();
            switch (name) {
                case "areaDesc": desc = once(desc, text(), path, name); break;
                case "polygon": polygons = add(polygons, text()); break;
                case "circle": circles = add(circles, text()); break;
                case "geocode": geocodes = add(geocodes, readNamedValue(ns)); break;
                case "altitude": altitude = once(altitude, text(), path, name); break;
                case "ceiling": ceiling = once(ceiling, text(), path, name); break;
                default: skip(); break;
            }
        }
        return new Area(desc, polygons, circles, geocodes, altitude, ceiling);
    }

    /** CAP 1.1/1.2 {@code <valueName>/<value>} children, or CAP 1.0's {@code name=value} text. */
    private NamedValue readNamedValue(String ns) throws XMLStreamException {
        String valueName = null, value = null;
        StringBuilder direct = null;
        while (true) {
            int e = r.next();
            if (e == START_ELEMENT) {
                String name = r.getLocalName();
                if (ours(ns) && "valueName".equals(name)) {
                    valueName = text();
                } else if (ours(ns) && "value".equals(name)) {
                    value = text();
                } else {
                    skip();
                }
            } else if (e == CHARACTERS || e == CDATA) {
                if (direct == null) {
                    direct = new StringBuilder();
                }
                direct.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            } else if (e == END_ELEMENT) {
                break;
            } else if (e == END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document");
            }
        }
        if (valueName == null && value == null && direct != null) {
            String t = direct.toString().trim();
            int eq = t.indexOf('=');
            return eq < 0 ? new NamedValue(t, "") : new NamedValue(t.substring(0, eq).trim(), t.substring(eq + 1).trim());
        }
        return new NamedValue(valueName, value);
    }

    /**
     * Appends to a list made on first use (the model turns a null list into an empty one): most repeatable
     * elements occur zero or one times, so an alert no longer allocates lists it never fills.
     */
    private static <T> List<T> add(List<T> list, T item) {
        List<T> l = list != null ? list : new ArrayList<>(4);
        l.add(item);
        return l;
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    /** Woodstox interns namespace URIs, so the alert's own namespace is usually the very same string. */
    private boolean ours(String ns) {
        String n = r.getNamespaceURI();
        return n == ns || n == null || n.isEmpty() || n.equals(ns);
    }

    private String once(String current, String next, String path, String name) {
        if (current == null) {
            return next;
        }
        reasons.add(Reason.warning(path + "/" + name, "XML_DUPLICATE_ELEMENT",
                "<" + name + "> appears more than once; the first is kept" + where()));
        return current;
    }

    private static final int START_ELEMENT = javax.xml.stream.XMLStreamConstants.START_ELEMENT;
    private static final int END_ELEMENT = javax.xml.stream.XMLStreamConstants.END_ELEMENT;
    private static final int CHARACTERS = javax.xml.stream.XMLStreamConstants.CHARACTERS;
    private static final int CDATA = javax.xml.stream.XMLStreamConstants.CDATA;
    private static final int END_DOCUMENT = javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
}
