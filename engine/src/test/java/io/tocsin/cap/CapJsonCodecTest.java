package io.tocsin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The JSON form: field names are CAP's, lists are arrays, limits apply, errors are located. */
class CapJsonCodecTest {
    private static final CapDecoder DECODER = new CapDecoder();

    @Test
    void jsonUsesCapElementNamesAndReadsBackTheSameAlert() {
        Alert alert = DECODER.decodeXml(CapValidatorRulesTest.VALID.getBytes(StandardCharsets.UTF_8)).alerts().get(0);
        String json = new CapJsonWriter().writeString(alert);
        assertThat(json).startsWith("{\"version\":\"1.2\",\"identifier\":\"KSTO1055887203\"")
                .contains("\"info\":[{\"category\":[\"Met\"]")
                .contains("\"polygon\":[\"38.47,-120.14 ")
                .contains("\"geocode\":[{\"valueName\":\"SAME\",\"value\":\"006109\"}]");
        Decoded back = DECODER.decode(json.getBytes(StandardCharsets.UTF_8));
        assertThat(back.reasons()).isEmpty();
        assertThat(back.alerts()).containsExactly(alert);
    }

    @Test
    void arraysAndAlertsWrapperHoldSeveralAlerts() {
        String one = "{\"identifier\":\"A\",\"sender\":\"s\"}";
        assertThat(DECODER.decodeJson(("[" + one + "," + one + "]").getBytes(StandardCharsets.UTF_8)).alerts()).hasSize(2);
        assertThat(DECODER.decodeJson(("{\"alerts\":[" + one + "]}").getBytes(StandardCharsets.UTF_8)).alerts())
                .singleElement().extracting(Alert::version).isEqualTo(CapVersion.V1_2);
    }

    @Test
    void malformedAndTooDeepJsonAreLocatedErrors() {
        Decoded bad = DECODER.decodeJson("{\"identifier\": }".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("JSON_MALFORMED");
            assertThat(r.message()).contains("line 1");
        });
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThat(DECODER.decodeJson(deep.getBytes(StandardCharsets.UTF_8)).reasons())
                .singleElement().extracting(Reason::code).isEqualTo("JSON_LIMIT");
        assertThat(DECODER.decodeJson("42".getBytes(StandardCharsets.UTF_8)).reasons())
                .singleElement().extracting(Reason::code).isEqualTo("JSON_NOT_ALERT");
    }
}
