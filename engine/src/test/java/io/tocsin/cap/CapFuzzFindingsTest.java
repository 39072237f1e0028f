package io.tocsin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What fuzzing the CAP codec found, one behaviour per test; the raw reproducers are kept beside the seeds in
 * {@code CapCodecFuzzTestInputs/<target>/crash-*} and replayed by {@link CapCodecFuzzTest}.
 */
class CapFuzzFindingsTest {

    private static byte[] reproducer(String target, String name) throws IOException {
        try (InputStream in = CapFuzzFindingsTest.class.getResourceAsStream("CapCodecFuzzTestInputs/" + target + "/"
                + name)) {
            assertThat(in).as("reproducer %s/%s", target, name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static Decoded json(String body) {
        return CapFuzzChecks.DECODER.decodeJson(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonWithContentAfterTheFirstValueIsMalformedNotTruncated() throws IOException {
        Decoded d = CapFuzzChecks.DECODER.decodeJson(reproducer("json",
                "crash-74c15af9e5e01df78324abaa4a9c9ff66fe13710"));
        assertThat(d.ok()).isFalse();
        assertThat(d.reasons()).extracting(Reason::code).containsExactly("JSON_MALFORMED");

        Decoded trailing = json("{\"identifier\":\"a\"} {\"identifier\":\"b\"}");
        assertThat(trailing.alerts()).isEmpty();
        assertThat(trailing.reasons()).extracting(Reason::code).containsExactly("JSON_MALFORMED");
    }

    @Test
    void anEmptyJsonListIsAnErrorNotASilentNothing() {
        for (String empty : new String[] {"[]", "{\"alerts\":[]}", " [ ] "}) {
            Decoded d = json(empty);
            assertThat(d.ok()).as(empty).isFalse();
            assertThat(d.reasons()).extracting(Reason::code).as(empty).containsExactly("JSON_NO_ALERT");
        }
    }

    /** The demo typhoon warning (valid CAP 1.2) as JSON with {@code headline} replaced. */
    private static String typhoonJsonWithHeadline(String headlineJson) throws IOException {
        byte[] xml = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(System.getProperty("tocsin.root", ".."))
                .resolve("config/demo/typhoon-red.xml"));
        Alert a = CapFuzzChecks.DECODER.decodeXml(xml).alerts().get(0);
        assertThat(CapFuzzChecks.CORE.isValid(a)).isTrue();
        String json = CapFuzzChecks.JSON.writeString(a);
        String headline = "\"headline\":\"" + a.infos().get(0).headline().replace("\"", "\\\"") + "\"";
        assertThat(json).contains(headline);
        return json.replaceFirst(java.util.regex.Pattern.quote(headline),
                java.util.regex.Matcher.quoteReplacement("\"headline\":" + headlineJson));
    }

    @Test
    void jsonTextIsTrimmedLikeXmlTextSoAValidAlertRoundTripsThroughXml() throws IOException {
        Decoded d = json(typhoonJsonWithHeadline("\"  Typhoon  \\n\""));
        assertThat(d.ok()).isTrue();
        Alert a = d.alerts().get(0);
        assertThat(a.infos().get(0).headline()).isEqualTo("Typhoon");
        CapFuzzChecks.xmlRoundTrips(a);
    }

    @Test
    void jsonTextWithCharactersXmlCannotCarryIsALocatedError() throws IOException {
        Decoded d = json(typhoonJsonWithHeadline("\"Typ\\u0001hoon\""));
        assertThat(d.ok()).isFalse();
        assertThat(d.reasons()).extracting(Reason::code, Reason::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("JSON_CHARACTER", "/alert/info[0]/headline"));
    }

    @Test
    void cap10NameValuePairsTheTextFormCannotCarryRoundTripAsElements() {
        String xml = "<alert xmlns='http://www.incident.com/cap/1.0'><identifier>i</identifier><info>"
                + "<parameter><valueName>only-name</valueName></parameter>"
                + "<parameter><valueName>a=b</valueName><value>c</value></parameter>"
                + "<parameter><value>no-name</value></parameter>"
                + "<eventCode>SAME=FLW</eventCode></info></alert>";
        Decoded d = CapFuzzChecks.DECODER.decodeXml(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(d.ok()).isTrue();
        assertThat(d.alerts().get(0).infos().get(0).parameters()).containsExactly(
                new NamedValue("only-name", null), new NamedValue("a=b", "c"), new NamedValue(null, "no-name"));
        CapFuzzChecks.xmlRoundTrips(d.alerts().get(0));
        assertThat(CapFuzzChecks.XML.writeString(d.alerts().get(0))).contains("<eventCode>SAME=FLW</eventCode>");
    }
}
