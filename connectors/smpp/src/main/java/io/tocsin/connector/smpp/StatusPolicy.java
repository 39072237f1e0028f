package io.tocsin.connector.smpp;

/**
 * What to do when the SMSC answers a {@code submit_sm} with a non-zero {@code command_status}. Every status
 * is mapped explicitly; anything not listed is treated as transient (retried a bounded number of times).
 *
 * <p>Stateless and thread-safe.
 */
public enum StatusPolicy {
    /** 0x58 throttled, 0x14 message queue full: slow this bind down, then resend the same segment. */
    THROTTLE,
    /** System error, submit failed, bind or link trouble: resend (bounded by max_attempts). */
    TRANSIENT,
    /** The message can never succeed (bad address, bad parameters, barred): fail the dispatch. */
    PERMANENT;

    public static StatusPolicy of(int commandStatus) {
        switch (commandStatus) {
            case 0x58: // ESME_RTHROTTLED
            case 0x14: // ESME_RMSGQFUL
                return THROTTLE;
            case 0x08: // ESME_RSYSERR
            case 0x45: // ESME_RSUBMITFAIL
            case 0x04: // ESME_RINVBNDSTS (not bound yet)
            case 0x0D: // ESME_RBINDFAIL
            case 0x64: // ESME_RX_T_APPN temporary app error
            case 0xFE: // ESME_RDELIVERYFAILURE (data_sm) — treat as retryable
                return TRANSIENT;
            case 0x01: // ESME_RINVMSGLEN
            case 0x02: // ESME_RINVCMDLEN
            case 0x03: // ESME_RINVCMDID
            case 0x0A: // ESME_RINVSRCADR
            case 0x0B: // ESME_RINVDSTADR
            case 0x0C: // ESME_RINVMSGID
            case 0x33: // ESME_RINVNUMDESTS
            case 0x48: // ESME_RINVSRCTON
            case 0x49: // ESME_RINVSRCNPI
            case 0x50: // ESME_RINVDSTTON
            case 0x51: // ESME_RINVDSTNPI
            case 0x61: // ESME_RINVSCHED
            case 0x62: // ESME_RINVEXPIRY
            case 0x63: // ESME_RINVDFTMSGID
            case 0x65: // ESME_RX_P_APPN permanent app error
            case 0x66: // ESME_RX_R_APPN rejected by app
            case 0xC0: // ESME_RINVOPTPARSTREAM
            case 0xC1: // ESME_ROPTPARNOTALLWD
            case 0xC2: // ESME_RINVPARLEN
            case 0xC4: // ESME_RINVOPTPARAMVAL
                return PERMANENT;
            default:
                return TRANSIENT;
        }
    }

    /** "0x58" style text for receipts and logs. */
    public static String hex(int commandStatus) {
        return String.format("0x%02X", commandStatus);
    }
}
