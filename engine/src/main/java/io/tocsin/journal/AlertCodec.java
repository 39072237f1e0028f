package io.tocsin.journal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tocsin.cap.Alert;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the decoded CAP model into the journal as compact JSON of the records themselves, so replay does not
 * depend on re-decoding the raw bytes (the raw bytes are kept beside it for audit and feeds). Thread-safe.
 */
final class AlertCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final AlertJsonWriter WRITER = new AlertJsonWriter(MAPPER.getFactory());

    private AlertCodec() {
    }

    static byte[] encode(Alert alert) {
        try {
            return WRITER.write(alert);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode alert " + alert.identifier(), e);
        }
    }

    /** Encodes into {@code out} (reset first), for a caller that reuses one buffer per thread. */
    static void encode(Alert alert, JsonBuffer out) {
        out.reset();
        try {
            WRITER.write(alert, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode alert " + alert.identifier(), e);
        }
    }

    /** What databind writes for the alert: the reference {@link AlertJsonWriter} must equal (tests). */
    static byte[] encodeWithDatabind(Alert alert) throws IOException {
        return MAPPER.writeValueAsBytes(alert);
    }

    static Alert decode(byte[] json) {
        try {
            return MAPPER.readValue(json, Alert.class);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt alert record in journal", e);
        }
    }
}
