package io.tocsin.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator builds a reason's path only when it records the reason, and the XML reader makes a list only
 * when its element occurs: these pin the paths of repeated elements past the first (second info block, second
 * category, third event code...) and the empty lists of elements that never occur.
 */
class ReasonPathsTest {
    private static final String INFO = """
              <info>
                <category>Met</category>%s
                <event>Storm</event>
                <responseType>Shelter</responseType>%s
                <urgency>%s</urgency>
                <severity>Severe</severity>
                <certainty>Observed</certainty>
                <eventCode><valueName>SAME</valueName><value>SVR</value></eventCode>%s
                <onset>%s</onset>
                <parameter><valueName>a</valueName><value>1</value></parameter>%s
                <area>
                  <areaDesc>one</areaDesc>
                </area>
                <area>%s
                  <geocode><valueName>SAME</valueName><value>006109</value></geocode>%s
                </area>
              </info>
            """;
    private static final String GOOD_INFO = String.format(INFO, "", "", "Immediate", "", "2003-06-17T15:00:00-07:00",
            "", "<areaDesc>two</areaDesc>", "");
    private static final String BAD_INFO = String.format(INFO, "<category>Weather</category>",
            "<responseType>Hide</responseType>", "Now", "<eventCode><value>x</value></eventCode>", "soon",
            "<parameter><valueName>b</valueName></parameter>", "", "<geocode><valueName></valueName><value>1</value></geocode>");

    private static List<Reason> validate(String infos) {
        String xml = """
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>X1</identifier>
                  <sender>s@example.org</sender>
                  <sent>2003-06-17T14:57:00-07:00</sent>
                  <status>Actual</status>
                  <msgType>Alert</msgType>
                  <scope>Public</scope>
                """ + infos + "</alert>";
        Decoded d = new CapDecoder().decodeXml(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(d.ok()).as("decodes: %s", d.reasons()).isTrue();
        return new CapValidator().validate(d.alerts().get(0));
    }

    @Test
    void validBlocksGiveNoReasons() {
        assertThat(validate(GOOD_INFO + GOOD_INFO)).isEmpty();
    }

    @Test
    void reasonsInASecondBlockNameTheIndexesOfTheRepeatedElements() {
        assertThat(validate(GOOD_INFO + BAD_INFO)).extracting(Reason::path, Reason::code).containsExactly(
                tuple("/alert/info[1]/category[1]", "CAP_ENUM"),
                tuple("/alert/info[1]/responseType[1]", "CAP_ENUM"),
                tuple("/alert/info[1]/urgency", "CAP_ENUM"),
                tuple("/alert/info[1]/eventCode[1]/valueName", "CAP_REQUIRED"),
                tuple("/alert/info[1]/onset", "CAP_DATETIME"),
                tuple("/alert/info[1]/parameter[1]/value", "CAP_REQUIRED"),
                tuple("/alert/info[1]/area[1]/areaDesc", "CAP_REQUIRED"),
                tuple("/alert/info[1]/area[1]/geocode[1]/valueName", "CAP_REQUIRED"));
    }

    @Test
    void elementsThatNeverOccurReadAsEmptyLists() {
        Decoded d = new CapDecoder().decodeXml("""
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>X</identifier>
                  <info><event>E</event><area><areaDesc>a</areaDesc></area></info></alert>
                """.getBytes(StandardCharsets.UTF_8));
        Alert a = d.alerts().get(0);
        AlertInfo info = a.infos().get(0);
        assertThat(a.codes()).isEmpty();
        assertThat(List.of(info.categories(), info.responseTypes(), info.eventCodes(), info.parameters(),
                info.resources())).allSatisfy(l -> assertThat(l).isEmpty());
        Area area = info.areas().get(0);
        assertThat(List.of(area.polygons(), area.circles(), area.geocodes())).allSatisfy(l -> assertThat(l).isEmpty());
        assertThat(CapValidator.plainToken("a\u00A0b", true)).as("no-break space is not white space").isTrue();
        assertThat(CapValidator.plainToken("a\u2003b", true)).as("em space is").isFalse();
        assertThat(CapValidator.plainToken("a\u001Fb", true)).as("unit separator is").isFalse();
    }
}
