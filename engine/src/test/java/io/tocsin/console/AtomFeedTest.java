package io.tocsin.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.ledger.AlertState;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class AtomFeedTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String CAP12 = "urn:oasis:names:tc:emergency:cap:1.2";
    private final MutableLedger ledger = new MutableLedger();
    private final Instant now = Fixtures.T0.plusSeconds(600);
    private final AtomFeed feed = new AtomFeed(ledger, Clock.fixed(now, ZoneOffset.UTC), "Tocsin test feed");

    @Test
    void listsOnlyActivePublicActualAlertsWithTheirCapEmbeddedAndLinked() throws Exception {
        ledger.put(Fixtures.view("live", "Actual", AlertState.DISPATCHING, 10, 1, now.plusSeconds(3600)),
                Fixtures.submission("live", "Actual", "Public"));
        ledger.put(Fixtures.view("drill", "Exercise", AlertState.DISPATCHING, 10, 1, null),
                Fixtures.submission("drill", "Exercise", "Public"));
        ledger.put(Fixtures.view("staff", "Actual", AlertState.DISPATCHING, 10, 1, null),
                Fixtures.submission("staff", "Actual", "Restricted"));
        ledger.put(Fixtures.view("gone", "Actual", AlertState.CANCELLED, 10, 1, null),
                Fixtures.submission("gone", "Actual", "Public"));
        ledger.put(Fixtures.view("old", "Actual", AlertState.DONE, 10, 10, now.minusSeconds(1)),
                Fixtures.submission("old", "Actual", "Public"));
        ledger.put(Fixtures.view("waiting", "Actual", AlertState.PENDING_APPROVAL, 0, 0, null),
                Fixtures.submission("waiting", "Actual", "Public"));
        ledger.put(Fixtures.view("unknown-scope", "Actual", AlertState.DISPATCHING, 10, 1, null));

        Document doc = parse(feed.render("http://example.org:8080"));

        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(child(root, "id").getTextContent()).isEqualTo("http://example.org:8080/feed.atom");
        assertThat(child(root, "updated").getTextContent()).isEqualTo("2026-11-29T09:30:00+08:00");
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isEqualTo(1);
        Element entry = (Element) entries.item(0);
        String capUrl = "http://example.org:8080/api/v1/alerts/live/cap";
        assertThat(child(entry, "id").getTextContent()).isEqualTo(capUrl);
        assertThat(child(entry, "title").getTextContent()).isEqualTo("台风红色预警 & 停课");
        assertThat(child(entry, "updated").getTextContent()).isEqualTo("2026-11-29T09:30:00+08:00");
        assertThat(child(entry, "author").getTextContent()).isEqualTo("广州市气象台");
        Element link = child(entry, "link");
        assertThat(link.getAttribute("rel")).isEqualTo("alternate");
        assertThat(link.getAttribute("type")).isEqualTo("application/cap+xml");
        assertThat(link.getAttribute("href")).isEqualTo(capUrl);
        Element content = child(entry, "content");
        assertThat(content.getAttribute("type")).isEqualTo("text/xml");
        NodeList alerts = content.getElementsByTagNameNS(CAP12, "alert");
        assertThat(alerts.getLength()).isEqualTo(1);
        Element alert = (Element) alerts.item(0);
        assertThat(alert.getElementsByTagNameNS(CAP12, "identifier").item(0).getTextContent()).isEqualTo("live");
        assertThat(alert.getElementsByTagNameNS(CAP12, "headline").item(0).getTextContent())
                .isEqualTo("台风红色预警 & 停课");
    }

    @Test
    void emptyFeedIsStillValidAtomWithAnUpdatedTime() throws Exception {
        Document doc = parse(feed.render("http://h"));
        assertThat(child(doc.getDocumentElement(), "updated").getTextContent()).isEqualTo("2026-11-29T01:40:00Z");
        assertThat(doc.getElementsByTagNameNS(ATOM, "entry").getLength()).isZero();
    }

    @Test
    void jsonSubmissionsAreLinkedButNotEmbedded() throws Exception {
        var json = Fixtures.submission("j1", "Actual", "Public");
        json = new io.tocsin.pipeline.Submission(json.alert(), "{\"identifier\":\"j1\"}".getBytes(StandardCharsets.UTF_8),
                "application/json", json.publisher(), false, json.receivedAt());
        ledger.put(Fixtures.view("j1", "Actual", AlertState.DISPATCHING, 10, 1, null), json);
        Document doc = parse(feed.render("http://h"));
        Element entry = (Element) doc.getElementsByTagNameNS(ATOM, "entry").item(0);
        assertThat(child(entry, "link").getAttribute("href")).isEqualTo("http://h/api/v1/alerts/j1/cap");
        assertThat(entry.getElementsByTagNameNS(ATOM, "content").getLength()).isZero();
    }

    @Test
    void capEmbeddingRefusesWrappersAndDoctypes() {
        assertThat(CapEmbedding.alertElement("<edxlDistribution><alert/></edxlDistribution>".getBytes(), "text/xml"))
                .isEmpty();
        assertThat(CapEmbedding.alertElement("<!DOCTYPE x [<!ENTITY a 'b'>]><alert>&a;</alert>".getBytes(), "text/xml"))
                .isEmpty();
        assertThat(CapEmbedding.alertElement(("<?xml version='1.0' encoding='GB18030'?>\n<!-- c --><cap:alert "
                + "xmlns:cap='" + CAP12 + "'><cap:note>预警</cap:note></cap:alert>").getBytes(
                        java.nio.charset.Charset.forName("GB18030")), "application/cap+xml"))
                .hasValueSatisfying(x -> assertThat(x).startsWith("<cap:alert").contains("预警"));
    }

    private static Element child(Element parent, String name) {
        NodeList list = parent.getElementsByTagNameNS(ATOM, name);
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == parent) {
                return (Element) list.item(i);
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
