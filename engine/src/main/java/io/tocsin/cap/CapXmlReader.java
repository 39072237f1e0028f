package io.tocsin.cap;

import com.ctc.wstx.exc.WstxLazyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one XML document holding CAP: a bare {@code <alert>}, a multi-alert {@code <alerts>} document, an
 * EDXL-DE distribution (any CAP alert inside its content objects), an Atom feed (alerts embedded in entries;
 * an index feed yields no alert and no error) or an RSS channel. Wrapper rules that make a feed unusable
 * (Atom entry without id, title or CAP link; RSS item without link) are errors with the wrapper's path.
 *
 * <p>Not thread-safe: one instance reads one document.
 *
 * <pre>
 *   alert            → 1 alert
 *   alerts/alert*    → n alerts          EDXLDistribution/contentObject/xmlContent/embeddedXMLContent/alert
 *   feed/entry*      → embedded alerts, or a link per entry (index feed)
 *   rss/channel/item → embedded alerts, or a link per item
 * </pre>
 */
final class CapXmlReader {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Set<String> ATOM_FEED_CHILDREN = Set.of("author", "category", "contributor",
            "generator", "icon", "id", "link", "logo", "rights", "subtitle", "title", "updated", "entry");
    private static final Set<String> ATOM_ENTRY_CHILDREN = Set.of("author", "category", "content",
            "contributor", "id", "link", "published", "rights", "source", "summary", "title", "updated");

    private final List<Reason> reasons = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final XMLStreamReader r;
    private final AlertXmlReader cursor;

    CapXmlReader(XMLStreamReader r) {
        this.r = r;
        this.cursor = new AlertXmlReader(r, reasons);
    }

    /** Reads the whole document; never throws for bad input. */
    Decoded read() {
        try {
            readDocument();
        } catch (XMLStreamException e) {
            reasons.add(located(e.getMessage(), e.getLocation() != null ? e.getLocation() : r.getLocation(), e));
        } catch (WstxLazyException e) {
            reasons.add(located(e.getMessage(), r.getLocation(), e.getCause()));
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // closing a reader over a byte array cannot fail in a way that matters
            }
        }
        return new Decoded(alerts, reasons);
    }

    private void readDocument() throws XMLStreamException {
        int e;
        while ((e = r.next()) != XMLStreamConstants.START_ELEMENT) {
            if (e == XMLStreamConstants.DTD) {
                cursor.error("/", "XML_DOCTYPE",
                        "DOCTYPE declarations are refused: no DTD, no entities, nothing is fetched");
                return;
            }
            if (e == XMLStreamConstants.END_DOCUMENT) {
                cursor.error("/", "XML_EMPTY", "no root element");
                return;
            }
        }
        String local = r.getLocalName();
        String ns = r.getNamespaceURI();
        if ("alert".equals(local)) {
            if (cursor.atCapAlert()) {
                alerts.add(cursor.readAlert("/alert"));
            } else {
                cursor.error("/alert", "CAP_NAMESPACE", "<alert> has namespace '" + (ns == null ? "" : ns)
                        + "', not one of CAP 1.0/1.1/1.2");
                cursor.skip();
            }
        } else if ("feed".equals(local) && ATOM.equals(ns)) {
            readAtomFeed();
        } else if ("rss".equals(local)) {
            readRss();
        } else if (scanForAlerts("/" + local) == 0) {
            cursor.error("/" + local, "CAP_NO_ALERT", "no CAP <alert> inside <" + local + ">");
        }
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.DTD) {
                cursor.error("/", "XML_DOCTYPE", "DOCTYPE declarations are refused");
            }
        }
    }

    /** Reads through the current element, decoding every CAP alert at any depth inside it. */
    private int scanForAlerts(String path) throws XMLStreamException {
        int found = 0;
        int nested = 0;
        while (true) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                if (cursor.atCapAlert()) {
                    alerts.add(cursor.readAlert("/alert"));
                    found++;
                } else {
                    nested++;
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                if (nested == 0) {
                    return found;
                }
                nested--;
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document");
            }
        }
    }

    private void readAtomFeed() throws XMLStreamException {
        boolean id = false;
        boolean title = false;
        int entries = 0;
        while (cursor.nextChild()) {
            String local = r.getLocalName();
            if (ATOM.equals(r.getNamespaceURI())) {
                if ("entry".equals(local)) {
                    readAtomEntry("/feed/entry[" + entries++ + "]");
                    continue;
                }
                id |= "id".equals(local) && !cursor.text().isEmpty();
                title |= "title".equals(local) && !cursor.text().isEmpty();
                if (!"id".equals(local) && !"title".equals(local)) {
                    if (!ATOM_FEED_CHILDREN.contains(local)) {
                        cursor.error("/feed/" + local, "ATOM_UNKNOWN_ELEMENT", "<" + local
                                + "> is not an Atom feed element");
                    }
                    cursor.skip();
                }
            } else {
                if (cursor.atCapAlert()) {
                    cursor.warning("/feed/alert", "FEED_ALERT_OUTSIDE_ENTRY",
                            "a CAP alert directly under <feed> is foreign markup, not an entry; it is ignored");
                }
                cursor.skip();
            }
        }
        if (!id) {
            cursor.error("/feed", "ATOM_ID_REQUIRED", "an Atom feed needs a non-empty <id>");
        }
        if (!title) {
            cursor.error("/feed", "ATOM_TITLE_REQUIRED", "an Atom feed needs a non-empty <title>");
        }
    }

    private void readAtomEntry(String path) throws XMLStreamException {
        boolean id = false;
        boolean title = false;
        boolean link = false;
        int found = 0;
        while (cursor.nextChild()) {
            String local = r.getLocalName();
            if (cursor.atCapAlert()) {
                alerts.add(cursor.readAlert("/alert"));
                found++;
            } else if (!ATOM.equals(r.getNamespaceURI())) {
                cursor.skip();
            } else if ("id".equals(local)) {
                id = !cursor.text().isEmpty();
            } else if ("title".equals(local)) {
                title = !cursor.text().isEmpty();
            } else if ("link".equals(local)) {
                String href = r.getAttributeValue(null, "href");
                link |= href != null && !href.isBlank();
                cursor.skip();
            } else if ("content".equals(local) || "summary".equals(local)) {
                found += scanForAlerts(path + "/" + local);
            } else {
                if (!ATOM_ENTRY_CHILDREN.contains(local)) {
                    cursor.error(path + "/" + local, "ATOM_UNKNOWN_ELEMENT",
                            "<" + local + "> is not an Atom entry element");
                }
                cursor.skip();
            }
        }
        if (!id) {
            cursor.error(path, "ATOM_ID_REQUIRED", "an Atom entry needs a non-empty <id>");
        }
        if (!title) {
            cursor.error(path, "ATOM_TITLE_REQUIRED", "an Atom entry needs a non-empty <title>");
        }
        if (found == 0 && !link) {
            cursor.error(path, "ATOM_ENTRY_MISSING_CAP_LINK",
                    "an Atom entry must embed a CAP alert or link to one");
        }
    }

    private void readRss() throws XMLStreamException {
        int channels = 0;
        while (cursor.nextChild()) {
            if ("channel".equals(r.getLocalName())) {
                readRssChannel("/rss/channel[" + channels++ + "]");
            } else {
                cursor.skip();
            }
        }
        if (channels == 0) {
            cursor.error("/rss", "RSS_CHANNEL_REQUIRED", "an RSS document needs a <channel>");
        }
    }

    private void readRssChannel(String path) throws XMLStreamException {
        boolean title = false;
        boolean link = false;
        boolean description = false;
        int items = 0;
        while (cursor.nextChild()) {
            String local = r.getLocalName();
            if ("item".equals(local)) {
                readRssItem(path + "/item[" + items++ + "]");
            } else if (cursor.atCapAlert()) {
                alerts.add(cursor.readAlert("/alert"));
            } else if ("title".equals(local)) {
                title = !cursor.text().isEmpty();
            } else if ("link".equals(local)) {
                link = !cursor.text().isEmpty();
            } else if ("description".equals(local)) {
                description = !cursor.text().isEmpty();
            } else {
                cursor.skip();
            }
        }
        if (!title || !link || !description) {
            cursor.error(path, "RSS_CHANNEL_INCOMPLETE", "an RSS channel needs <title>, <link> and <description>");
        }
    }

    private void readRssItem(String path) throws XMLStreamException {
        boolean titleOrDescription = false;
        boolean link = false;
        int found = 0;
        while (cursor.nextChild()) {
            String local = r.getLocalName();
            if (cursor.atCapAlert()) {
                alerts.add(cursor.readAlert("/alert"));
                found++;
            } else if ("title".equals(local) || "description".equals(local)) {
                titleOrDescription |= !cursor.text().isEmpty();
            } else if ("link".equals(local)) {
                link = !cursor.text().isEmpty();
            } else {
                found += scanForAlerts(path + "/" + local);
            }
        }
        if (!titleOrDescription) {
            cursor.error(path, "RSS_ITEM_TITLE_REQUIRED", "an RSS item needs a <title> or a <description>");
        }
        if (found == 0 && !link) {
            cursor.error(path, "RSS_ITEM_MISSING_CAP_LINK", "an RSS item must embed a CAP alert or link to one");
        }
    }

    private static Reason located(String message, Location loc, Throwable cause) {
        String first = message == null ? "malformed XML" : message.split("\n", 2)[0].trim();
        if (cause != null && cause.getCause() instanceof java.io.CharConversionException) {
            cause = cause.getCause();
        }
        String where = loc == null ? "" : " (line " + loc.getLineNumber() + ", column " + loc.getColumnNumber() + ")";
        String lower = first.toLowerCase(java.util.Locale.ROOT);
        String code;
        if (lower.contains("maximum") || lower.contains("limit")) {
            code = "XML_LIMIT";
        } else if (cause instanceof java.io.CharConversionException || lower.contains("utf-8")
                || lower.contains("encoding") || lower.contains("invalid byte")) {
            code = "XML_ENCODING";
        } else if (lower.contains("external resource refused") || lower.contains("entity")) {
            code = "XML_ENTITY";
        } else {
            code = "XML_MALFORMED";
        }
        return Reason.error("/", code, first + where);
    }
}
