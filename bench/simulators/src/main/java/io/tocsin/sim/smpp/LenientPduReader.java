package io.tocsin.sim.smpp;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.OctetUtil;

/**
 * Reads PDUs as jSMPP does, but gives a {@code deliver_sm_resp} or {@code data_sm_resp} that came with no body
 * an empty {@code message_id}. SMPP 3.4 lets an ESME answer an error with the header alone, and jSMPP's server
 * decodes these responses as if the field were always there: it failed with an ArrayIndexOutOfBoundsException
 * on the thread processing the bind's PDUs, which a real SMSC would not do. Thread-safe (stateless).
 */
final class LenientPduReader extends DefaultPDUReader {
    private static final int HEADER = 16;

    @Override
    public byte[] readPDU(DataInputStream in, int commandLength, int commandId, int commandStatus,
                          int sequenceNumber) throws IOException {
        byte[] pdu = super.readPDU(in, commandLength, commandId, commandStatus, sequenceNumber);
        if (commandLength != HEADER || (commandId != SMPPConstant.CID_DELIVER_SM_RESP
                && commandId != SMPPConstant.CID_DATA_SM_RESP)) {
            return pdu;
        }
        byte[] padded = Arrays.copyOf(pdu, HEADER + 1); // + the NULL octet of an empty message_id
        System.arraycopy(OctetUtil.intToBytes(padded.length), 0, padded, 0, 4);
        return padded;
    }
}
