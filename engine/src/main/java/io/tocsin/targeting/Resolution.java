package io.tocsin.targeting;

import io.tocsin.cap.Reason;
import java.util.List;
import java.util.Map;

/**
 * Everything an alert's areas resolve to, besides the recipients streamed to a {@link RecipientSink}:
 * cells per carrier (for cell broadcast), radio transmitters, TV stations, the region codes and SAME
 * location codes covered, population estimates, and located reasons (unknown geocode, repaired polygon...).
 */
public record Resolution(
        long recipients,
        Map<String, Long> recipientsByCarrier,
        Map<String, List<String>> cellsByCarrier,
        List<String> transmitters,
        List<String> stations,
        List<String> regionCodes,
        List<String> sameCodes,
        long population,
        List<Reason> reasons) {

    public boolean hasErrors() {
        return reasons.stream().anyMatch(Reason::isError);
    }
}
