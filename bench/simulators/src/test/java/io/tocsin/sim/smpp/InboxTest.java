package io.tocsin.sim.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InboxTest {

    private static byte[] udh8(int ref, int total, int seq, byte[] body) {
        byte[] out = new byte[body.length + 6];
        out[0] = 5;
        out[2] = 3;
        out[3] = (byte) ref;
        out[4] = (byte) total;
        out[5] = (byte) seq;
        System.arraycopy(body, 0, out, 6, body.length);
        return out;
    }

    private static byte[] udh16(int ref, int total, int seq, byte[] body) {
        byte[] out = new byte[body.length + 7];
        out[0] = 6;
        out[1] = 8;
        out[2] = 4;
        out[3] = (byte) (ref >> 8);
        out[4] = (byte) ref;
        out[5] = (byte) total;
        out[6] = (byte) seq;
        System.arraycopy(body, 0, out, 7, body.length);
        return out;
    }

    private static byte[] ucs2(String s) {
        return s.getBytes(StandardCharsets.UTF_16BE);
    }

    @Test
    void segmentsInAnyOrderReassembleIntoOneMessage() {
        Inbox inbox = new Inbox(true);
        inbox.add("861", (byte) 0x40, (byte) 8, udh8(7, 3, 3, ucs2("丙")), null, null, null);
        inbox.add("861", (byte) 0x40, (byte) 8, udh8(7, 3, 1, ucs2("甲")), null, null, null);
        assertThat(inbox.count("861")).isZero();
        assertThat(inbox.incomplete()).isEqualTo(1);
        inbox.add("861", (byte) 0x40, (byte) 8, udh8(7, 3, 2, ucs2("乙")), null, null, null);
        assertThat(inbox.count("861")).isEqualTo(1);
        assertThat(inbox.texts("861")).containsExactly("甲乙丙");
        assertThat(inbox.incomplete()).isZero();
        assertThat(inbox.segments()).isEqualTo(3);
    }

    @Test
    void sixteenBitReferencesAndSarTlvsReassembleToo() {
        Inbox inbox = new Inbox(true);
        inbox.add("862", (byte) 0x40, (byte) 0, udh16(300, 2, 2, "world".getBytes(StandardCharsets.US_ASCII)),
                null, null, null);
        inbox.add("862", (byte) 0x40, (byte) 0, udh16(300, 2, 1, "hello ".getBytes(StandardCharsets.US_ASCII)),
                null, null, null);
        inbox.add("863", (byte) 0, (byte) 8, ucs2("预警"), 9, 2, 2);
        inbox.add("863", (byte) 0, (byte) 8, ucs2("红色"), 9, 2, 1);
        assertThat(inbox.texts("862")).containsExactly("hello world");
        assertThat(inbox.texts("863")).containsExactly("红色预警");
    }

    @Test
    void gsm7EscapesDecodeAndRepeatsCountAsDuplicates() {
        Inbox inbox = new Inbox(true);
        byte[] euro = {0x1B, 0x65, 0x35};
        inbox.add("864", (byte) 0, (byte) 0, euro, null, null, null);
        inbox.add("864", (byte) 0, (byte) 0, euro, null, null, null);
        assertThat(inbox.texts("864")).containsExactly("€5", "€5");
        assertThat(inbox.count("864")).isEqualTo(2);
        assertThat(inbox.duplicates()).isEqualTo(1);
        assertThat(inbox.recipients()).isEqualTo(1);
    }
}
