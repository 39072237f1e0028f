package io.tocsin.cbs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CbsEncoderTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** Eight CRs packed into seven octets, the padding pattern of every GSM 7-bit CBS page. */
    private static final String CR_PATTERN = "341A8D46A3D168";

    private final CbsEncoder encoder = CbsEncoder.standard();

    @Test
    void gsm7PageIsPaddedWithCarriageReturnsTo82Octets() {
        CbsEncoding e = encoder.encode("hellohello", "en-US");

        assertThat(e.fits()).isTrue();
        assertThat(e.pages().dcs()).isEqualTo(0x01);
        assertThat(e.pages().pageCount()).isEqualTo(1);
        String page = e.pages().hexPages().get(0);
        assertThat(page).hasSize(164);
        // "hellohello" then CR: the 9th octet takes CR's low bits (37 → 77), the rest is the CR pattern,
        // and the 5 spare bits of octet 82 are zero.
        assertThat(page).isEqualTo("E8329BFD4697D9EC77A3D168"
                + CR_PATTERN.repeat(9) + "341A8D46A3D100");
    }

    @Test
    void extensionCharactersAreEscapedInThePage() {
        CbsEncoding e = encoder.encode("€[]{}", "en");

        assertThat(e.characters()).isEqualTo(10);
        assertThat(e.pages().hexPages().get(0)).startsWith("9BF286B7F16D509B54A3D168");
        assertThat(CbsDecoder.decode(e.pages())).isEqualTo("€[]{}");
    }

    @Test
    void chineseIsUcs2BigEndianPaddedWithCarriageReturn() {
        CbsEncoding e = encoder.encode("台风红色预警", "zh-CN");

        assertThat(e.charset()).isEqualTo(CbsCharset.UCS2);
        assertThat(e.pages().dcs()).isEqualTo(0x48);
        String page = e.pages().hexPages().get(0);
        assertThat(page).isEqualTo("53F098CE7EA2827298848B66" + "000D".repeat(35));
        assertThat(CbsDecoder.decode(e.pages())).isEqualTo("台风红色预警");
    }

    @Test
    void ucs2WithLanguageIndicationStartsEveryPageWithTheLanguage() {
        CbsEncoding e = new CbsEncoder(15, true).encode("台".repeat(41), "zh-CN");

        assertThat(e.pages().dcs()).isEqualTo(0x11);
        assertThat(e.pages().pageCount()).isEqualTo(2);
        for (String page : e.pages().hexPages()) {
            assertThat(page).startsWith("7A34"); // 'z','h' packed in 7 bits, 16th bit 0
        }
        assertThat(CbsDecoder.languageIndication(e.pages().pages().get(1))).isEqualTo("zh");
        assertThat(CbsDecoder.decode(e.pages())).isEqualTo("台".repeat(41));
    }

    @ParameterizedTest(name = "{0} GSM 7-bit characters take {1} pages")
    @CsvSource({"1,1", "93,1", "94,2", "186,2", "187,3", "930,10", "931,11", "1302,14", "1303,15", "1395,15", "1396,16"})
    void gsm7PageCountAtEveryBoundary(int length, int pages) {
        CbsEncoding e = encoder.encode("a".repeat(length), "en");

        assertThat(e.pagesNeeded()).isEqualTo(pages);
        assertThat(e.fits()).isEqualTo(pages <= 15);
        if (e.fits()) {
            assertThat(e.pages().pageCount()).isEqualTo(pages);
            assertThat(e.pages().pages()).allSatisfy(p -> assertThat(p).hasSize(82));
        }
    }

    @ParameterizedTest(name = "{0} UCS2 characters take {1} pages")
    @CsvSource({"1,1", "41,1", "42,2", "82,2", "83,3", "574,14", "575,15", "615,15", "616,16"})
    void ucs2PageCountAtEveryBoundary(int length, int pages) {
        CbsEncoding e = encoder.encode("警".repeat(length), "zh");

        assertThat(e.pagesNeeded()).isEqualTo(pages);
        assertThat(e.fits()).isEqualTo(pages <= 15);
    }

    @ParameterizedTest(name = "{0} UCS2 characters with language indication take {1} pages")
    @CsvSource({"40,1", "41,2", "600,15", "601,16"})
    void ucs2WithLanguageIndicationHolds40PerPage(int length, int pages) {
        assertThat(new CbsEncoder(15, true).encode("警".repeat(length), "zh").pagesNeeded()).isEqualTo(pages);
    }

    @Test
    void anExtensionCharacterIsNeverSplitAcrossPages() {
        assertThat(encoder.encode("a".repeat(91) + "€", "en").pagesNeeded()).isEqualTo(1);
        CbsEncoding split = encoder.encode("a".repeat(92) + "€", "en");
        assertThat(split.pagesNeeded()).isEqualTo(2);
        assertThat(CbsDecoder.decode(split.pages())).isEqualTo("a".repeat(92) + "€");
    }

    @Test
    void aSurrogatePairIsNeverSplitAcrossPages() {
        String text = "警".repeat(40) + "😀";
        CbsEncoding e = encoder.encode(text, "zh");
        assertThat(e.pagesNeeded()).isEqualTo(2);
        assertThat(CbsDecoder.decode(e.pages())).isEqualTo(text);
    }

    @Test
    void tooLongTextIsReportedNotCut() {
        CbsEncoding e = encoder.encode("警".repeat(700), "zh");

        assertThat(e.fits()).isFalse();
        assertThat(e.pages()).isNull();
        assertThat(e.describe()).contains("18 pages needed", "15 allowed");
    }

    @Test
    void aSmallerCarrierBudgetIsHonoured() {
        assertThat(new CbsEncoder(3, false).encode("a".repeat(280), "en").fits()).isFalse();
        assertThat(new CbsEncoder(3, false).encode("a".repeat(279), "en").fits()).isTrue();
    }

    @Test
    void oneNonGsmCharacterSwitchesTheWholeTextToUcs2() {
        CbsEncoding e = encoder.encode("Typhoon `red`", "en");
        assertThat(e.charset()).isEqualTo(CbsCharset.UCS2);
        assertThat(CbsDecoder.decode(e.pages())).isEqualTo("Typhoon `red`");
    }

    @Test
    void dcsCarriesTheLanguageWhereTheTableHasIt() {
        assertThat(CbsDataCoding.gsm7("en-US")).isEqualTo(0x01);
        assertThat(CbsDataCoding.gsm7("de")).isEqualTo(0x00);
        assertThat(CbsDataCoding.gsm7("ru")).isEqualTo(0x23);
        assertThat(CbsDataCoding.gsm7("yue")).isEqualTo(0x0F);
        assertThat(CbsDataCoding.charsetOf(0x01)).isEqualTo(CbsCharset.GSM7);
        assertThat(CbsDataCoding.charsetOf(0x48)).isEqualTo(CbsCharset.UCS2);
        assertThat(CbsDataCoding.charsetOf(0x11)).isEqualTo(CbsCharset.UCS2);
        assertThat(HEX.formatHex(CbsEncoder.languageIndication("en"))).isEqualTo("6537");
    }
}
