package io.tocsin.ledger;

import io.tocsin.cap.Alert;
import java.util.Map;

/**
 * An immutable snapshot of what the after-action report needs beyond {@link AlertView}: how the alert was
 * corrected (the alert itself for its areas, cancelled by, superseded by, replaces), its per-channel delivery
 * (same keys as {@link AlertView#channels()}) and its delivered reach per region ({@code regions}: region code →
 * SMS dispatches planned/delivered/failed to subscribers located there, in first-planned order; empty when the
 * targets carried no region) and how fast it was corrected ({@code corrected}, null when it was not cancelled or
 * superseded after release). Safe to read from any thread.
 */
public record DeliveryView(String alertId, Alert alert, String replaces, String supersededBy, String cancelledBy,
                           Map<String, ChannelDeliveryView> channels, Map<String, RegionDelivery> regions,
                           CorrectionTiming corrected) {

    public DeliveryView {
        regions = regions == null ? Map.of() : regions;
    }

    /** Without per-region delivery. */
    public DeliveryView(String alertId, Alert alert, String replaces, String supersededBy, String cancelledBy,
                        Map<String, ChannelDeliveryView> channels) {
        this(alertId, alert, replaces, supersededBy, cancelledBy, channels, Map.of(), null);
    }

    /** Without correction timing. */
    public DeliveryView(String alertId, Alert alert, String replaces, String supersededBy, String cancelledBy,
                        Map<String, ChannelDeliveryView> channels, Map<String, RegionDelivery> regions) {
        this(alertId, alert, replaces, supersededBy, cancelledBy, channels, regions, null);
    }
}
