package io.tocsin.cbs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Gsm7PackingTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private static String packed(String text) {
        byte[] septets = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            septets[i] = (byte) Gsm7Alphabet.codeOf(text.charAt(i));
        }
        return HEX.formatHex(Gsm7Packer.pack(septets));
    }

    @Test
    void packsTheTextbookExamples() {
        // TS 23.038 §6.1.2.1.1 worked example and its well-known shorter form.
        assertThat(packed("hellohello")).isEqualTo("E8329BFD4697D9EC37");
        assertThat(packed("hello")).isEqualTo("E8329BFD06");
    }

    @Test
    void eightSeptetsFillSevenOctetsExactly() {
        assertThat(Gsm7Packer.octetsFor(8)).isEqualTo(7);
        assertThat(Gsm7Packer.octetsFor(93)).isEqualTo(82);
        assertThat(packed("12345678")).isEqualTo("31D98C56B3DD70");
    }

    @Test
    void unpackReversesPack() {
        byte[] septets = "hellohello".getBytes(StandardCharsets.US_ASCII);
        byte[] round = Gsm7Packer.unpack(Gsm7Packer.pack(septets), 0, septets.length);
        assertThat(round).isEqualTo(septets);
    }

    @Test
    void mapsCharactersThatDifferFromAscii() {
        assertThat(Gsm7Alphabet.codeOf('@')).isEqualTo(0x00);
        assertThat(Gsm7Alphabet.codeOf('$')).isEqualTo(0x02);
        assertThat(Gsm7Alphabet.codeOf('¤')).isEqualTo(0x24);
        assertThat(Gsm7Alphabet.codeOf('_')).isEqualTo(0x11);
        assertThat(Gsm7Alphabet.codeOf('Ä')).isEqualTo(0x5B);
        assertThat(Gsm7Alphabet.codeOf('à')).isEqualTo(0x7F);
        assertThat(Gsm7Alphabet.septetsOf('`')).isEqualTo(Gsm7Alphabet.NOT_ENCODABLE);
        assertThat(Gsm7Alphabet.septetsOf('台')).isEqualTo(Gsm7Alphabet.NOT_ENCODABLE);
    }

    @Test
    void extensionTableCharactersTakeAnEscapeAndACode() {
        assertThat(Gsm7Alphabet.septetsOf('€')).isEqualTo(2);
        assertThat(Gsm7Alphabet.codeOf('€')).isEqualTo(0x65);
        assertThat(Gsm7Alphabet.codeOf('[')).isEqualTo(0x3C);
        assertThat(Gsm7Alphabet.codeOf(']')).isEqualTo(0x3E);
        assertThat(Gsm7Alphabet.codeOf('{')).isEqualTo(0x28);
        assertThat(Gsm7Alphabet.codeOf('}')).isEqualTo(0x29);
        assertThat(Gsm7Alphabet.codeOf('\\')).isEqualTo(0x2F);
        assertThat(Gsm7Alphabet.codeOf('^')).isEqualTo(0x14);
        assertThat(Gsm7Alphabet.codeOf('~')).isEqualTo(0x3D);
        assertThat(Gsm7Alphabet.codeOf('|')).isEqualTo(0x40);
        assertThat(Gsm7Alphabet.septetCount("€[]{}")).isEqualTo(10);
    }
}
