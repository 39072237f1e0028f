package io.tocsin.ingress;

import io.tocsin.cap.Alert;
import io.tocsin.cap.Reason;
import java.util.List;

/** One alert read from a request body, with every located reason found; {@code alert} is null when unusable. */
public record ParsedAlert(Alert alert, List<Reason> reasons) {

    public ParsedAlert {
        reasons = List.copyOf(reasons);
    }

    public boolean ok() {
        return alert != null && !Reason.anyError(reasons);
    }
}
