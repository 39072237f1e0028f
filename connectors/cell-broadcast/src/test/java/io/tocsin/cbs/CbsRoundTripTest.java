package io.tocsin.cbs;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class CbsRoundTripTest {

    /** Every character of both GSM tables except CR (the padding character) and ESC itself. */
    private static final String GSM_CHARS =
            "@£$¥èéùìòÇ\nØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
            + "abcdefghijklmnopqrstuvwxyzäöñüà\f^{}\\[~]|€";

    @Provide
    Arbitrary<String> gsmTexts() {
        return Arbitraries.strings().withChars(GSM_CHARS.toCharArray()).ofMinLength(1).ofMaxLength(1400);
    }

    @Provide
    Arbitrary<String> unicodeTexts() {
        return Arbitraries.strings().all().excludeChars('\r').ofMinLength(1).ofMaxLength(620);
    }

    @Property(tries = 300)
    void gsm7DecodesToWhatWasEncoded(@ForAll("gsmTexts") String text) {
        CbsEncoding e = CbsEncoder.standard().encode(text, "en");
        assertThat(e.charset()).isEqualTo(CbsCharset.GSM7);
        if (e.fits()) {
            assertThat(CbsDecoder.decode(e.pages())).isEqualTo(text);
            assertThat(e.pages().pages()).allSatisfy(p -> assertThat(p).hasSize(CbsPages.PAGE_OCTETS));
        } else {
            assertThat(e.pagesNeeded()).isGreaterThan(CbsPages.MAX_PAGES);
        }
    }

    @Property(tries = 300)
    void anyTextDecodesToWhatWasEncoded(@ForAll("unicodeTexts") String text) {
        CbsEncoding e = CbsEncoder.standard().encode(text, "zh");
        if (e.fits()) {
            assertThat(CbsDecoder.decode(e.pages())).isEqualTo(text);
        } else {
            assertThat(e.pagesNeeded()).isGreaterThan(CbsPages.MAX_PAGES);
        }
    }

    @Property(tries = 200)
    void pageCountNeverUnderstatesTheText(@ForAll @StringLength(min = 1, max = 700) String text) {
        CbsEncoding e = CbsEncoder.standard().encode(text.replace('\r', ' '), "zh");
        int perPage = e.charset().perPage();
        assertThat(e.pagesNeeded()).isGreaterThanOrEqualTo((e.characters() + perPage - 1) / perPage);
    }
}
