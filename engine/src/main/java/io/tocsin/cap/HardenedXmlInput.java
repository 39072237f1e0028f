package io.tocsin.cap;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one place that makes StAX readers for untrusted XML: Woodstox (Jackson XML's StAX layer) with DTDs,
 * external entities and every resolver turned off, and Woodstox's own size limits set from {@link CapLimits}.
 * A DOCTYPE is still reported by the reader as an event; {@link CapXmlReader} turns it into an error before
 * reading anything else. StAX never processes XInclude.
 *
 * <p>Thread-safe once built: the factory is configured in the constructor and only used to create readers.
 */
final class HardenedXmlInput {

    /** Refuses every external resolution; the attempt itself is reported to {@code observer}. */
    static XMLResolver refusing(XMLResolver observer) {
        return (publicId, systemId, baseUri, namespace) -> {
            if (observer != null) {
                observer.resolveEntity(publicId, systemId, baseUri, namespace);
            }
            throw new XMLStreamException("external resource refused: " + systemId);
        };
    }

    private final XMLInputFactory factory;
    private final XmlFactory jacksonFactory;

    HardenedXmlInput(CapLimits limits, XMLResolver observer) {
        WstxInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
        XMLResolver refuse = refusing(observer);
        f.setProperty(XMLInputFactory.RESOLVER, refuse);
        f.setProperty(WstxInputProperties.P_DTD_RESOLVER, refuse);
        f.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, refuse);
        // No undeclared-entity resolver: Woodstox then fails on any '&name;' that is not predefined.
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxDepth());
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, (long) limits.maxElements());
        f.setProperty(WstxInputProperties.P_MAX_CHILDREN_PER_ELEMENT, limits.maxElements());
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, limits.maxAttributes());
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.maxTextLength());
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.maxTextLength());
        f.setProperty(WstxInputProperties.P_MAX_CHARACTERS, (long) limits.maxBytes());
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 0L + 1);
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
        this.factory = f;
        // Jackson XML over the same hardened StAX factory, for callers that want a tree view.
        this.jacksonFactory = XmlFactory.builder().xmlInputFactory(f).build();
    }

    XMLStreamReader open(byte[] body) throws XMLStreamException {
        return factory.createXMLStreamReader(new ByteArrayInputStream(body));
    }

    XmlFactory jacksonFactory() {
        return jacksonFactory;
    }
}
