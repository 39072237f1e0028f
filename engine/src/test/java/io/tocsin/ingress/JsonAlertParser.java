package io.tocsin.ingress;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tocsin.cap.Alert;
import io.tocsin.cap.Reason;
import java.io.IOException;
import java.util.List;

/**
 * A stand-in {@link AlertParser} for ingress tests that do not exercise CAP decoding: reads the model's own
 * JSON shape with Jackson (bounded nesting by Jackson's defaults) and reports a located reason on failure.
 */
final class JsonAlertParser implements AlertParser {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public ParsedAlert parse(BodyFormat format, byte[] body) {
        if (format != BodyFormat.JSON) {
            return new ParsedAlert(null, List.of(Reason.error("/", "xml-unsupported-in-test", "test parser")));
        }
        try {
            Alert alert = MAPPER.readValue(body, Alert.class);
            if (alert == null || alert.identifier() == null) {
                return new ParsedAlert(null, List.of(Reason.error("/alert/identifier", "required", "missing")));
            }
            return new ParsedAlert(alert, List.of());
        } catch (IOException e) {
            return new ParsedAlert(null, List.of(Reason.error("/", "malformed", String.valueOf(e.getMessage()))));
        }
    }
}
