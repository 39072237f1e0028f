package io.tocsin.cap;

import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Small helpers over one {@link XMLStreamReader} positioned on a start tag: read an element's text, skip an
 * element, and record located reasons. One cursor per document; not thread-safe.
 */
class StaxCursor {
    final XMLStreamReader r;
    final List<Reason> reasons;

    StaxCursor(XMLStreamReader r, List<Reason> reasons) {
        this.r = r;
        this.reasons = reasons;
    }

    /**
     * The trimmed text directly inside the current element (nested elements are skipped), leaving the reader
     * on its end tag. An empty element gives "" so that "present but empty" stays distinct from "absent".
     */
    final String text() throws XMLStreamException {
        String first = null;
        StringBuilder more = null;
        int nested = 0;
        while (true) {
            int e = r.next();
            switch (e) {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (nested == 0) {
                        if (first == null) {
                            first = r.getText();
                        } else {
                            if (more == null) {
                                more = new StringBuilder(first);
                            }
                            more.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        }
                    }
                    break;
                case XMLStreamConstants.START_ELEMENT:
                    nested++;
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    if (nested == 0) {
                        String s = more != null ? more.toString() : first;
                        return s == null ? "" : s.trim();
                    }
                    nested--;
                    break;
                case XMLStreamConstants.END_DOCUMENT:
                    throw new XMLStreamException("unexpected end of document");
                default:
                    break;
            }
        }
    }

    /** Skips the current element and everything inside it, leaving the reader on its end tag. */
    final void skip() throws XMLStreamException {
        int nested = 0;
        while (true) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                nested++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                if (nested == 0) {
                    return;
                }
                nested--;
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document");
            }
        }
    }

    /**
     * Moves to the next child start tag of the current element, returning false on the element's end tag.
     */
    final boolean nextChild() throws XMLStreamException {
        while (true) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (e == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (e == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document");
            }
        }
    }

    /** True when the current start tag is a CAP {@code <alert>} of a known version. */
    final boolean atCapAlert() {
        return "alert".equals(r.getLocalName()) && CapVersion.ofNamespace(r.getNamespaceURI()) != null;
    }

    final String where() {
        javax.xml.stream.Location loc = r.getLocation();
        return loc == null ? "" : " (line " + loc.getLineNumber() + ", column " + loc.getColumnNumber() + ")";
    }

    final void error(String path, String code, String message) {
        reasons.add(Reason.error(path, code, message + where()));
    }

    final void warning(String path, String code, String message) {
        reasons.add(Reason.warning(path, code, message + where()));
    }
}
