package io.tocsin.ledger;

import io.tocsin.cap.Alert;
import java.util.Map;

/**
 * An immutable snapshot of what the after-action report needs beyond {@link AlertView}: how the alert was
 * corrected (the alert itself for its areas, cancelled by, superseded by, replaces) and its per-channel delivery (same keys as
 * {@link AlertView#channels()}). Safe to read from any thread.
 */
public record DeliveryView(String alertId, Alert alert, String replaces, String supersededBy, String cancelledBy,
                           Map<String, ChannelDeliveryView> channels) {
}
