package io.tocsin.connector.smpp;

/**
 * One bind (one SMPP session, or a transmitter + receiver pair) to a carrier's SMSC.
 *
 * @param window  submit_sm in flight at once on this bind (jSMPP: the number of submitting threads)
 * @param tps     submit_sm per second on this bind; 0 = unlimited
 */
public record BindSettings(
        String host,
        int port,
        String systemId,
        String password,
        String systemType,
        BindMode mode,
        int window,
        double tps) {

    /** Transceiver (one session both ways) or a transmitter plus a receiver session. */
    public enum BindMode { TRANSCEIVER, TRANSMITTER_RECEIVER }

    /** host:port/system_id, for logs and health. */
    public String label() { return host + ":" + port + "/" + systemId; }
}
