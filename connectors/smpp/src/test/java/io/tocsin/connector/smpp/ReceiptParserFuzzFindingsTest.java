package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.connector.DispatchState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What fuzzing the receipt parser found: a character whose lower case is longer (U+0130 'İ') before a field
 * shifted the indexes and threw {@code StringIndexOutOfBoundsException}. The raw reproducer stays in
 * {@code ReceiptParserFuzzTestInputs/text/crash-*} and is replayed by {@link ReceiptParserFuzzTest}.
 */
class ReceiptParserFuzzFindingsTest {

    @Test
    void aCharacterThatGrowsWhenLowerCasedNeitherThrowsNorShiftsFields() throws IOException {
        byte[] crash;
        try (InputStream in = getClass().getResourceAsStream(
                "ReceiptParserFuzzTestInputs/text/crash-a809a7091be3481ea73fdbd53989fb0ead07a8d0")) {
            assertThat(in).isNotNull();
            crash = in.readAllBytes();
        }
        ReceiptParserFuzzTest.consistent(ReceiptParser.parse(new String(crash, StandardCharsets.UTF_8), null, null),
                null, null);

        SmscReceipt r = ReceiptParser.parse("\u0130\u0130\u0130 id:abc stat:DELIVRD err:000 text:\u0130", null, null);
        assertThat(r.messageId()).isEqualTo("abc");
        assertThat(r.state()).isEqualTo(DispatchState.DELIVERED);
        assertThat(r.error()).isEqualTo("000");
    }
}
