package io.tocsin.ingress;

import io.tocsin.cap.CapDecoder;
import io.tocsin.cap.CapValidator;
import io.tocsin.cap.Decoded;
import io.tocsin.cap.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * The production {@link AlertParser}: the hardened {@link CapDecoder} then {@link CapValidator}. One alert per
 * request: a wrapper holding several is refused with a reason (post them one by one). Thread-safe.
 */
public final class CapAlertParser implements AlertParser {

    private final CapDecoder decoder;
    private final CapValidator validator;

    public CapAlertParser(CapDecoder decoder, CapValidator validator) {
        this.decoder = decoder;
        this.validator = validator;
    }

    public CapAlertParser() {
        this(new CapDecoder(), new CapValidator());
    }

    @Override
    public ParsedAlert parse(BodyFormat format, byte[] body) {
        Decoded decoded = format == BodyFormat.XML ? decoder.decodeXml(body) : decoder.decodeJson(body);
        if (!decoded.ok()) {
            return new ParsedAlert(null, decoded.reasons());
        }
        if (decoded.alerts().size() != 1) {
            List<Reason> reasons = new ArrayList<>(decoded.reasons());
            reasons.add(Reason.error("/", decoded.alerts().isEmpty() ? "no-alert" : "several-alerts",
                    "expected exactly one CAP alert per request, found " + decoded.alerts().size()));
            return new ParsedAlert(null, reasons);
        }
        List<Reason> found = validator.validate(decoded.alerts().get(0));
        if (!decoded.reasons().isEmpty()) { // decoding warnings first, as they were found
            List<Reason> all = new ArrayList<>(decoded.reasons());
            all.addAll(found);
            found = all;
        }
        return new ParsedAlert(decoded.alerts().get(0), found);
    }
}
