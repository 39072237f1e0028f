package io.tocsin.tv;

/**
 * A playout server's answer to one AMCP command: its code (2xx fine, 4xx/5xx refused) and the line as read;
 * code 0 = no answer (link down or dropped), with the reason in {@code line}. Immutable.
 */
record AmcpReply(int code, String line) {

    boolean ok() {
        return code >= 200 && code < 300;
    }

    boolean linkLost() {
        return code == 0;
    }
}
