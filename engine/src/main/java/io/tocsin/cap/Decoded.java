package io.tocsin.cap;

import java.util.List;

/**
 * What decoding produced: the alerts found (one for a bare {@code <alert>}, several for EDXL-DE, Atom, RSS
 * or multi-alert wrappers) and located reasons. When any reason is an error, the alerts may be incomplete.
 */
public record Decoded(List<Alert> alerts, List<Reason> reasons) {

    public Decoded {
        alerts = List.copyOf(alerts);
        reasons = List.copyOf(reasons);
    }

    public boolean ok() {
        return !Reason.anyError(reasons);
    }
}
