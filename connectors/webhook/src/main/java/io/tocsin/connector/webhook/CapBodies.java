package io.tocsin.connector.webhook;

import io.tocsin.cap.Alert;
import io.tocsin.cap.CapJsonWriter;
import io.tocsin.cap.CapXmlWriter;

/** The body a subscriber receives: the alert as CAP XML or in Tocsin's CAP JSON form. */
final class CapBodies {
    private static final CapXmlWriter XML = new CapXmlWriter();
    private static final CapJsonWriter JSON = new CapJsonWriter();

    private CapBodies() {
    }

    static byte[] render(Alert alert, WebhookEndpoint.Format format) {
        return format == WebhookEndpoint.Format.XML ? XML.write(alert) : JSON.write(alert);
    }
}
