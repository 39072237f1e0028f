package io.tocsin.planning;

import io.tocsin.connector.ChannelKind;
import java.util.List;

/** Which connector serves what, as the planner needs to know it. Called on the pipeline thread. */
public interface Routes {

    /** The SMS connector for a carrier, or null when none serves it. */
    String sms(String carrier);

    /** The cell-broadcast connector for a carrier, or null. */
    String cellBroadcast(String carrier);

    /** Every connector of a kind, in configuration order. */
    List<String> connectors(ChannelKind kind);

    /** Whether every SMS queue has room for more planned dispatches. */
    boolean smsHasRoom();

    /**
     * Whether every SMS queue has room for a pre-approved correction's dispatches: a correction is planned past
     * the ordinary bound (so it never waits behind queued fan-outs), but only up to one more bound's worth, so a
     * city-wide Update cannot queue millions at once and exhaust the heap.
     */
    default boolean smsHasRoomForCorrection() {
        return smsHasRoom();
    }
}
