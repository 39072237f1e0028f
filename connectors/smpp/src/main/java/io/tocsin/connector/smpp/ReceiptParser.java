package io.tocsin.connector.smpp;

import io.tocsin.connector.DispatchState;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * Parses SMSC delivery receipts: the {@code receipted_message_id} / {@code message_state} TLVs when present
 * (SMPP 3.4 §5.3.2.12, §5.3.2.35), else the de-facto text form of SMPP 3.4 Appendix B:
 * {@code id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:...}.
 * Tolerates any order, case and extra fields; returns null when neither form yields an id.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReceiptParser {

    private ReceiptParser() {
    }

    /**
     * The receipt carried by a {@code deliver_sm} (its TLVs, else its short message read as ISO-8859-1), or null
     * when it names no message id.
     */
    public static SmscReceipt parse(DeliverSm d) {
        String tlvId = null;
        Integer tlvState = null;
        OptionalParameter id = d.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
        if (id instanceof OptionalParameter.OctetString) {
            tlvId = ((OptionalParameter.OctetString) id).getValueAsString().trim();
        }
        OptionalParameter state = d.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE);
        if (state instanceof OptionalParameter.Byte) {
            tlvState = ((OptionalParameter.Byte) state).getValue() & 0xFF;
        }
        byte[] sm = d.getShortMessage();
        String text = sm == null ? null : new String(sm, StandardCharsets.ISO_8859_1);
        return parse(text, tlvId, tlvState);
    }

    /**
     * @param text       the short message as text (ASCII), may be null
     * @param tlvId      receipted_message_id TLV, or null
     * @param tlvState   message_state TLV (1..8), or null
     */
    public static SmscReceipt parse(String text, String tlvId, Integer tlvState) {
        String id = tlvId;
        String stat = null;
        String err = null;
        if (text != null) {
            if (id == null) {
                id = field(text, "id:");
            }
            stat = field(text, "stat:");
            err = field(text, "err:");
        }
        if (id == null || id.isEmpty()) {
            return null;
        }
        DispatchState state;
        if (tlvState != null) {
            state = fromMessageState(tlvState);
            stat = stateName(tlvState);
        } else if (stat != null) {
            state = fromStat(stat);
        } else {
            return new SmscReceipt(id, DispatchState.UNKNOWN, "?", err);
        }
        return new SmscReceipt(id, state, stat, err);
    }

    static DispatchState fromStat(String stat) {
        switch (stat.toUpperCase(Locale.ROOT)) {
            case "DELIVRD": return DispatchState.DELIVERED;
            case "EXPIRED": return DispatchState.EXPIRED;
            case "UNDELIV":
            case "REJECTD":
            case "DELETED": return DispatchState.FAILED;
            case "ENROUTE":
            case "ACCEPTD":
            case "SCHEDUL": return null;
            default: return DispatchState.UNKNOWN;
        }
    }

    static DispatchState fromMessageState(int state) {
        switch (state) {
            case 1: case 6: case 0: return null;         // ENROUTE, ACCEPTED, SCHEDULED (SMPP 5)
            case 2: return DispatchState.DELIVERED;
            case 3: return DispatchState.EXPIRED;
            case 4: case 5: case 8: return DispatchState.FAILED; // DELETED, UNDELIVERABLE, REJECTED
            default: return DispatchState.UNKNOWN;
        }
    }

    private static String stateName(int state) {
        String[] names = {"SCHEDULED", "ENROUTE", "DELIVERED", "EXPIRED", "DELETED", "UNDELIVERABLE", "ACCEPTED",
            "UNKNOWN", "REJECTED"};
        return state >= 0 && state < names.length ? names[state] : "STATE" + state;
    }

    /**
     * The value after {@code key} (ASCII, matched ignoring case) up to the next space; the key must start the
     * text or follow a space. Matched in place: lower-casing the whole text first would shift indexes when a
     * character changes length (U+0130 'İ' becomes two chars).
     */
    private static String field(String text, String key) {
        for (int at = 0; at + key.length() <= text.length(); at++) {
            if ((at == 0 || text.charAt(at - 1) == ' ') && text.regionMatches(true, at, key, 0, key.length())) {
                int start = at + key.length();
                int end = text.indexOf(' ', start);
                return text.substring(start, end < 0 ? text.length() : end);
            }
        }
        return null;
    }
}
