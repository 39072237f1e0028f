package io.tocsin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One valid CAP 1.2 fixture; each test applies one mutation and expects one located reason. */
class CapValidatorRulesTest {
    static final String VALID = """
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>KSTO1055887203</identifier>
              <sender>KSTO@NWS.NOAA.GOV</sender>
              <sent>2003-06-17T14:57:00-07:00</sent>
              <status>Actual</status>
              <msgType>Alert</msgType>
              <scope>Public</scope>
              <info>
                <category>Met</category>
                <event>SEVERE THUNDERSTORM</event>
                <responseType>Shelter</responseType>
                <urgency>Immediate</urgency>
                <severity>Severe</severity>
                <certainty>Observed</certainty>
                <expires>2003-06-17T16:00:00-07:00</expires>
                <resource><resourceDesc>map</resourceDesc><mimeType>image/png</mimeType><size>1024</size></resource>
                <area>
                  <areaDesc>NORTH CENTRAL TUOLUMNE COUNTY</areaDesc>
                  <polygon>38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14</polygon>
                  <circle>32.9525,-115.5527 0</circle>
                  <geocode><valueName>SAME</valueName><value>006109</value></geocode>
                </area>
              </info>
            </alert>
            """;
    private static final CapDecoder DECODER = new CapDecoder();
    private static final CapValidator VALIDATOR = new CapValidator();

    static List<Reason> validate(String xml) {
        Decoded d = DECODER.decodeXml(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(d.ok()).as("decodes: %s", d.reasons()).isTrue();
        return VALIDATOR.validate(d.alerts().get(0));
    }

    @Test
    void fixtureIsValidWithoutWarnings() {
        assertThat(validate(VALID)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {2} at {3}")
    @CsvSource(delimiter = '|', value = {
        "<identifier>KSTO1055887203</identifier>|<identifier>KSTO 1055887203</identifier>|CAP_IDENTIFIER_CHARS|/alert/identifier",
        "<identifier>KSTO1055887203</identifier>|<identifier>a,b</identifier>|CAP_IDENTIFIER_CHARS|/alert/identifier",
        "<identifier>KSTO1055887203</identifier>||CAP_REQUIRED|/alert/identifier",
        "<sender>KSTO@NWS.NOAA.GOV</sender>|<sender>KSTO NWS</sender>|CAP_SENDER_CHARS|/alert/sender",
        "<sent>2003-06-17T14:57:00-07:00</sent>|<sent>2003-06-17T14:57:00Z</sent>|CAP_DATETIME|/alert/sent",
        "<sent>2003-06-17T14:57:00-07:00</sent>|<sent>2003-02-30T14:57:00-07:00</sent>|CAP_DATETIME|/alert/sent",
        "<sent>2003-06-17T14:57:00-07:00</sent>|<sent>2003-06-17T14:57:00.5-07:00</sent>|CAP_DATETIME|/alert/sent",
        "<status>Actual</status>|<status>actual</status>|CAP_ENUM|/alert/status",
        "<msgType>Alert</msgType>|<msgType></msgType>|CAP_ENUM|/alert/msgType",
        "<scope>Public</scope>||CAP_REQUIRED|/alert/scope",
        "<scope>Public</scope>|<scope>Restricted</scope>|CAP_RESTRICTION_REQUIRED|/alert/restriction",
        "<scope>Public</scope>|<scope>Private</scope>|CAP_ADDRESSES_REQUIRED|/alert/addresses",
        "<msgType>Alert</msgType>|<msgType>Update</msgType>|CAP_REFERENCES_REQUIRED|/alert/references",
        "<category>Met</category>|<category>Weather</category>|CAP_ENUM|/alert/info[0]/category[0]",
        "<category>Met</category>||CAP_REQUIRED|/alert/info[0]/category",
        "<event>SEVERE THUNDERSTORM</event>||CAP_REQUIRED|/alert/info[0]/event",
        "<responseType>Shelter</responseType>|<responseType>Hide</responseType>|CAP_ENUM|/alert/info[0]/responseType[0]",
        "<urgency>Immediate</urgency>||CAP_REQUIRED|/alert/info[0]/urgency",
        "<severity>Severe</severity>|<severity>Bad</severity>|CAP_ENUM|/alert/info[0]/severity",
        "<certainty>Observed</certainty>|<certainty>Sure</certainty>|CAP_ENUM|/alert/info[0]/certainty",
        "<expires>2003-06-17T16:00:00-07:00</expires>|<expires>2003-06-17T13:00:00-07:00</expires>|CAP_EXPIRES_BEFORE_SENT|/alert/info[0]/expires",
        "<expires>2003-06-17T16:00:00-07:00</expires>|<expires>tomorrow</expires>|CAP_DATETIME|/alert/info[0]/expires",
        "<category>Met</category>|<category>Met</category><language>en_US</language>|CAP_LANGUAGE|/alert/info[0]/language",
        "<mimeType>image/png</mimeType>||CAP_REQUIRED|/alert/info[0]/resource[0]/mimeType",
        "<size>1024</size>|<size>1 KB</size>|CAP_RESOURCE_SIZE|/alert/info[0]/resource[0]/size",
        "<areaDesc>NORTH CENTRAL TUOLUMNE COUNTY</areaDesc>||CAP_REQUIRED|/alert/info[0]/area[0]/areaDesc",
        "38.62,-119.89 38.47,-120.14</polygon>|38.62,-119.89 38.47,-120.15</polygon>|CAP_POLYGON_NOT_CLOSED|/alert/info[0]/area[0]/polygon[0]",
        "<polygon>38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14</polygon>|<polygon>38.47,-120.14 38.34,-119.95 38.47,-120.14</polygon>|CAP_POLYGON_TOO_FEW_POINTS|/alert/info[0]/area[0]/polygon[0]",
        "<polygon>38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14</polygon>|<polygon>0,0 0,10 10,0 10,10 0,0</polygon>|CAP_POLYGON_SELF_INTERSECTS|/alert/info[0]/area[0]/polygon[0]",
        "<polygon>38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14</polygon>|<polygon>95,0 0,10 10,10 95,0</polygon>|CAP_COORDINATE_RANGE|/alert/info[0]/area[0]/polygon[0]",
        "<polygon>38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14</polygon>|<polygon>38.47;-120.14 38.34,-119.95 38.52,-119.74 38.47,-120.14</polygon>|CAP_POLYGON_FORMAT|/alert/info[0]/area[0]/polygon[0]",
        "<circle>32.9525,-115.5527 0</circle>|<circle>32.9525,-115.5527</circle>|CAP_CIRCLE_FORMAT|/alert/info[0]/area[0]/circle[0]",
        "<circle>32.9525,-115.5527 0</circle>|<circle>32.9525,-115.5527 -3</circle>|CAP_CIRCLE_FORMAT|/alert/info[0]/area[0]/circle[0]",
        "<circle>32.9525,-115.5527 0</circle>|<circle>32.9525,-195.5527 5</circle>|CAP_COORDINATE_RANGE|/alert/info[0]/area[0]/circle[0]",
        "<valueName>SAME</valueName>||CAP_REQUIRED|/alert/info[0]/area[0]/geocode[0]/valueName",
        "<geocode>|<altitude>x</altitude><geocode>|CAP_NUMBER|/alert/info[0]/area[0]/altitude",
        "<geocode>|<ceiling>100</ceiling><geocode>|CAP_CEILING_WITHOUT_ALTITUDE|/alert/info[0]/area[0]/ceiling",
    })
    void oneMutationGivesOneLocatedError(String from, String to, String code, String path) {
        String xml = VALID.replace(from, to == null ? "" : to);
        assertThat(xml).isNotEqualTo(VALID);
        List<Reason> reasons = validate(xml);
        assertThat(reasons).filteredOn(Reason::isError).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.path()).isEqualTo(path);
            assertThat(r.message()).isNotBlank();
        });
    }

    @Test
    void selfReferenceIsAnError() {
        String xml = VALID.replace("<scope>Public</scope>",
                "<scope>Public</scope><references>KSTO@NWS.NOAA.GOV,KSTO1055887203,2003-06-17T14:57:00-07:00</references>");
        assertThat(validate(xml)).extracting(Reason::code).containsExactly("CAP_REFERENCES_SELF");
    }

    @Test
    void postdatedReferenceIsAnError() {
        String xml = VALID.replace("<scope>Public</scope>",
                "<scope>Public</scope><references>KSTO@NWS.NOAA.GOV,KSTO1,2003-06-17T15:57:00-07:00</references>");
        assertThat(validate(xml)).extracting(Reason::code).containsExactly("CAP_REFERENCES_POSTDATED");
    }

    @Test
    void malformedReferenceTripleIsAnError() {
        String xml = VALID.replace("<scope>Public</scope>",
                "<scope>Public</scope><references>KSTO@NWS.NOAA.GOV,KSTO1 other,2003-06-17T10:00:00-07:00</references>");
        assertThat(validate(xml)).extracting(Reason::code).containsExactly("CAP_REFERENCES_FORMAT", "CAP_REFERENCES_FORMAT");
    }

    @Test
    void earlierReferencesFromAnUpdateAreFine() {
        String xml = VALID.replace("<msgType>Alert</msgType>", "<msgType>Update</msgType>")
                .replace("<scope>Public</scope>", "<scope>Public</scope><references>KSTO@NWS.NOAA.GOV,KSTO1,"
                        + "2003-06-17T13:57:00-07:00 KSTO@NWS.NOAA.GOV,KSTO2,2003-06-17T14:00:00-07:00</references>");
        assertThat(validate(xml)).isEmpty();
    }

    @Test
    void ringTouchingItselfAtAVertexIsOnlyAWarning() {
        String xml = VALID.replace("38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14",
                "0,0 0,4 2,2 4,4 4,0 2,2 0,0");
        assertThat(validate(xml)).singleElement().satisfies(r -> {
            assertThat(r.isError()).isFalse();
            assertThat(r.code()).isEqualTo("CAP_POLYGON_SELF_TOUCHES");
        });
    }

    @Test
    void elementOrderDoesNotMatterToTheReader() {
        String shuffled = VALID.replace("<sent>2003-06-17T14:57:00-07:00</sent>", "")
                .replace("<scope>Public</scope>", "<scope>Public</scope><sent>2003-06-17T14:57:00-07:00</sent>");
        assertThat(DECODER.decodeXml(shuffled.getBytes(StandardCharsets.UTF_8)).alerts())
                .isEqualTo(DECODER.decodeXml(VALID.getBytes(StandardCharsets.UTF_8)).alerts());
    }

    @Test
    void bigRingsAreCheckedByJtsWithTheSameVerdicts() {
        int n = 400;
        String[] points = new String[n + 1];
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * (i % n) / n;
            points[i] = String.format(java.util.Locale.ROOT, "%.5f,%.5f", 10 + Math.sin(a), 20 + Math.cos(a));
        }
        String polygon = "<polygon>38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14</polygon>";
        assertThat(validate(VALID.replace(polygon, "<polygon>" + String.join(" ", points) + "</polygon>"))).isEmpty();
        // swapping two neighbours of a convex ring makes two chords cross between vertices
        String t = points[200];
        points[200] = points[201];
        points[201] = t;
        assertThat(validate(VALID.replace(polygon, "<polygon>" + String.join(" ", points) + "</polygon>")))
                .extracting(Reason::code).containsExactly("CAP_POLYGON_SELF_INTERSECTS");
    }
}
