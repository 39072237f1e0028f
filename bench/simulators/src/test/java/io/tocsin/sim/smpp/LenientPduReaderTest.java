package io.tocsin.sim.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.ByteBuffer;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.PDUReader;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DeliverSmResp;
import org.jsmpp.util.DefaultDecomposer;
import org.junit.jupiter.api.Test;

/** An ESME may answer a receipt with an error and no body; the simulator must take that, as an SMSC does. */
class LenientPduReaderTest {

    @Test
    void aHeaderOnlyErrorResponseToAReceiptDecodesWithItsStatusAndNoMessageId() throws Exception {
        byte[] headerOnly = pdu(SMPPConstant.CID_DELIVER_SM_RESP, 0x08, 42, new byte[0]);
        byte[] asJsmppReadsIt = read(new DefaultPDUReader(), headerOnly);
        assertThatThrownBy(() -> DefaultDecomposer.getInstance().deliverSmResp(asJsmppReadsIt))
                .as("jSMPP's own reader, which the simulator used to run with")
                .isInstanceOf(ArrayIndexOutOfBoundsException.class);

        DeliverSmResp resp = DefaultDecomposer.getInstance().deliverSmResp(read(new LenientPduReader(), headerOnly));
        assertThat(resp.getCommandStatus()).isEqualTo(0x08);
        assertThat(resp.getSequenceNumber()).isEqualTo(42);
        assertThat(resp.getMessageId()).isNullOrEmpty();
    }

    @Test
    void everyOtherPduIsReadAsJsmppReadsIt() throws Exception {
        byte[] withBody = pdu(SMPPConstant.CID_DELIVER_SM_RESP, 0, 7, new byte[] {0});
        byte[] enquire = pdu(SMPPConstant.CID_ENQUIRE_LINK, 0, 8, new byte[0]);
        byte[] submitResp = pdu(SMPPConstant.CID_SUBMIT_SM_RESP, 0x45, 9, new byte[0]);
        for (byte[] p : new byte[][] {withBody, enquire, submitResp}) {
            assertThat(read(new LenientPduReader(), p)).isEqualTo(read(new DefaultPDUReader(), p)).isEqualTo(p);
        }
    }

    private static byte[] read(PDUReader reader, byte[] bytes) throws Exception {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        Command header = reader.readPDUHeader(in);
        return reader.readPDU(in, header);
    }

    private static byte[] pdu(int commandId, int status, int sequence, byte[] body) {
        return ByteBuffer.allocate(16 + body.length).putInt(16 + body.length).putInt(commandId).putInt(status)
                .putInt(sequence).put(body).array();
    }
}
