package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Timeout;

/**
 * Jazzer fuzz targets for the SMPP delivery-receipt parser: a {@code deliver_sm} as {@code CarrierLink} gets it
 * (short message bytes, {@code receipted_message_id} and {@code message_state} TLVs), the text form with any
 * Unicode, and well-formed receipts built from fuzzed fields, which must read back exactly. Property: never an
 * exception; a receipt, when there is one, has a non-empty id (the TLV's when present) and a state consistent
 * with its finality. Seeds and crash reproducers: {@code src/test/resources/io/tocsin/connector/smpp/
 * ReceiptParserFuzzTestInputs/<target>/}.
 */
class ReceiptParserFuzzTest {

    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void deliverSm(FuzzedDataProvider data) {
        DeliverSm d = new DeliverSm();
        d.setEsmClass((byte) 0x04);
        List<OptionalParameter> tlvs = new ArrayList<>();
        String tlvId = null;
        Integer tlvState = null;
        if (data.consumeBoolean()) {
            byte[] id = data.consumeBytes(data.consumeInt(0, 70));
            tlvs.add(new OptionalParameter.OctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), id));
            tlvId = new String(id).trim();
        }
        if (data.consumeBoolean()) {
            byte state = data.consumeByte();
            tlvs.add(new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, state));
            tlvState = state & 0xFF;
        }
        d.setOptionalParameters(tlvs.toArray(OptionalParameter[]::new));
        d.setShortMessage(data.consumeBoolean() ? data.consumeRemainingAsBytes() : null);
        SmscReceipt r = ReceiptParser.parse(d);
        consistent(r, tlvId, tlvState);
    }

    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void text(FuzzedDataProvider data) {
        String tlvId = data.consumeBoolean() ? data.consumeString(40) : null;
        Integer tlvState = data.consumeBoolean() ? data.consumeInt(0, 255) : null;
        SmscReceipt r = ReceiptParser.parse(data.consumeRemainingAsString(), tlvId, tlvState);
        consistent(r, tlvId, tlvState);
    }

    /** SMPP 3.4 Appendix B receipts from fuzzed fields read back to the same id, stat and error. */
    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void wellFormed(FuzzedDataProvider data) {
        String id = token(data, 65);
        String stat = token(data, 7);
        String err = token(data, 3);
        String text = data.consumeRemainingAsString();
        String sm = "id:" + id + " sub:001 dlvrd:001 submit date:2611290915 done date:2611290916 stat:" + stat
                + " err:" + err + " text:" + text;
        byte[] bytes = sm.getBytes(StandardCharsets.ISO_8859_1);
        DeliverSm d = new DeliverSm();
        d.setEsmClass((byte) 0x04);
        d.setShortMessage(bytes);
        SmscReceipt r = ReceiptParser.parse(d);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(r).as("receipt %s", latin).isNotNull();
        assertThat(r.messageId()).isEqualTo(new String(id.getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.ISO_8859_1));
        assertThat(r.stat()).isEqualTo(new String(stat.getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.ISO_8859_1));
        assertThat(r.error()).isEqualTo(new String(err.getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.ISO_8859_1));
        assertThat(r.state()).isEqualTo(ReceiptParser.fromStat(r.stat()));
    }

    /** A non-empty run of printable ASCII without spaces. */
    private static String token(FuzzedDataProvider data, int max) {
        String s = data.consumeAsciiString(max).replaceAll("[^!-~]", "");
        return s.isEmpty() ? "x" : s;
    }

    static void consistent(SmscReceipt r, String tlvId, Integer tlvState) {
        if (r == null) {
            return;
        }
        assertThat(r.messageId()).isNotEmpty();
        if (tlvId != null && !tlvId.isEmpty()) {
            assertThat(r.messageId()).isEqualTo(tlvId);
        }
        assertThat(r.stat()).isNotNull();
        assertThat(r.isFinal()).isEqualTo(r.state() != null);
        if (tlvState != null) {
            assertThat(r.state()).isEqualTo(ReceiptParser.fromMessageState(tlvState));
        }
    }
}
