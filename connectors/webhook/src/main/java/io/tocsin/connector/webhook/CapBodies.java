package io.tocsin.connector.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tocsin.cap.Alert;

/** The body a subscriber receives: the alert as CAP XML or in Tocsin's CAP JSON form. */
final class CapBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CapBodies() {
    }

    static byte[] render(Alert alert, WebhookEndpoint.Format format) {
        try {
            return JSON.writeValueAsBytes(alert);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render alert " + alert.identifier(), e);
        }
    }
}
