package io.tocsin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every alert decoded from the corpus, written back as CAP XML and as JSON, reads back to an equal model. */
class CapCorpusRoundTripTest {
    private static final CapDecoder DECODER = new CapDecoder();

    static Stream<String> documents() {
        return CorpusFiles.manifest().stream().map(CorpusFiles.Row::path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void writingXmlAndJsonBackGivesTheSameModel(String path) {
        Decoded d = DECODER.decodeXml(CorpusFiles.read(path));
        for (Alert alert : d.alerts()) {
            Decoded xml = DECODER.decodeXml(new CapXmlWriter().write(alert));
            assertThat(xml.reasons()).isEmpty();
            assertThat(xml.alerts()).containsExactly(alert);
            Decoded json = DECODER.decodeJson(new CapJsonWriter().write(alert));
            assertThat(json.reasons()).isEmpty();
            assertThat(json.alerts()).containsExactly(alert);
        }
    }
}
