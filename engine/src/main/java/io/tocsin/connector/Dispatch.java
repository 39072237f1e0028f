package io.tocsin.connector;

import io.tocsin.cap.Alert;
import java.time.Instant;

/**
 * One unit of work for a connector: send (or replace, or withdraw) one alert to one target.
 *
 * @param id        engine-wide unique dispatch id; receipts refer to it
 * @param alertId   the engine's id of the alert
 * @param action    send, replace (CAP Update) or withdraw (CAP Cancel)
 * @param alert     the full CAP alert (all info blocks: the connector picks the language it needs)
 * @param target    who it is for
 * @param expires   nothing may leave after this instant (null = no expiry)
 * @param sequence  per-alert revision: 0 for the first version, +1 per Update (cell broadcast update number)
 * @param replaces  for UPDATE/CANCEL, the engine id of the alert being replaced or withdrawn, else null
 */
public record Dispatch(
        long id,
        String alertId,
        DispatchAction action,
        Alert alert,
        Target target,
        Instant expires,
        int sequence,
        String replaces) {

    public boolean expiredAt(Instant now) {
        return expires != null && !now.isBefore(expires);
    }
}
