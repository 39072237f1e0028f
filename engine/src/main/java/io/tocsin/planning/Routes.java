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
}
