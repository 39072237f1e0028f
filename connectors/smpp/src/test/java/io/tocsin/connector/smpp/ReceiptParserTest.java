package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.connector.DispatchState;
import org.junit.jupiter.api.Test;

class ReceiptParserTest {

    @Test
    void textFormGivesIdAndDeliveredState() {
        SmscReceipt r = ReceiptParser.parse("id:0A1B2C3D sub:001 dlvrd:001 submit date:2611290915 "
                + "done date:2611290916 stat:DELIVRD err:000 text:Typhoon", null, null);
        assertThat(r.messageId()).isEqualTo("0A1B2C3D");
        assertThat(r.state()).isEqualTo(DispatchState.DELIVERED);
        assertThat(r.error()).isEqualTo("000");
    }

    @Test
    void undeliveredRejectedAndDeletedAreFailuresExpiredIsExpired() {
        assertThat(ReceiptParser.parse("id:1 stat:UNDELIV err:001", null, null).state()).isEqualTo(DispatchState.FAILED);
        assertThat(ReceiptParser.parse("id:1 stat:REJECTD", null, null).state()).isEqualTo(DispatchState.FAILED);
        assertThat(ReceiptParser.parse("id:1 stat:DELETED", null, null).state()).isEqualTo(DispatchState.FAILED);
        assertThat(ReceiptParser.parse("id:1 stat:EXPIRED", null, null).state()).isEqualTo(DispatchState.EXPIRED);
        assertThat(ReceiptParser.parse("id:1 stat:WHATEVER", null, null).state()).isEqualTo(DispatchState.UNKNOWN);
    }

    @Test
    void intermediateStatesAreNotFinal() {
        assertThat(ReceiptParser.parse("id:1 stat:ENROUTE", null, null).isFinal()).isFalse();
        assertThat(ReceiptParser.parse("id:1 stat:ACCEPTD", null, null).isFinal()).isFalse();
    }

    @Test
    void tlvsWinOverTheTextAndWorkWithoutIt() {
        SmscReceipt r = ReceiptParser.parse("id:WRONG stat:UNDELIV", "abc123", 2);
        assertThat(r.messageId()).isEqualTo("abc123");
        assertThat(r.state()).isEqualTo(DispatchState.DELIVERED);
        assertThat(ReceiptParser.parse(null, "x9", 5).state()).isEqualTo(DispatchState.FAILED);
        assertThat(ReceiptParser.parse("", "x9", 3).state()).isEqualTo(DispatchState.EXPIRED);
    }

    @Test
    void keysAreCaseInsensitiveAndMustStartAWord() {
        SmscReceipt r = ReceiptParser.parse("ID:77 Sub:001 dlvrd:001 Stat:delivrd text:said stat:UNDELIV", null, null);
        assertThat(r.messageId()).isEqualTo("77");
        assertThat(r.state()).isEqualTo(DispatchState.DELIVERED);
        assertThat(ReceiptParser.parse("grid:5 stat:DELIVRD", null, null)).isNull();
    }

    @Test
    void garbageYieldsNoReceipt() {
        assertThat(ReceiptParser.parse("hello world", null, null)).isNull();
        assertThat(ReceiptParser.parse(null, null, null)).isNull();
    }
}
