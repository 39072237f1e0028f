package io.tocsin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Property tests: both codecs are identities on the model, and every generated valid alert validates. */
class CapCodecPropertiesTest {
    private static final CapDecoder DECODER = new CapDecoder();
    private static final CapValidator VALIDATOR = new CapValidator();
    private static final CapXmlWriter XML = new CapXmlWriter();
    private static final CapJsonWriter JSON = new CapJsonWriter();

    @Provide
    Arbitrary<Alert> anyAlert() {
        return CapArbitraries.anyAlert();
    }

    @Provide
    Arbitrary<Alert> validAlert() {
        return CapArbitraries.validAlert();
    }

    @Property(tries = 100)
    void modelToXmlToModelIsIdentity(@ForAll("anyAlert") Alert alert) {
        Decoded back = DECODER.decodeXml(XML.write(alert));
        assertThat(back.reasons()).isEmpty();
        assertThat(back.alerts()).containsExactly(alert);
    }

    @Property(tries = 100)
    void modelToJsonToModelIsIdentity(@ForAll("anyAlert") Alert alert) {
        Decoded back = DECODER.decodeJson(JSON.write(alert));
        assertThat(back.reasons()).isEmpty();
        assertThat(back.alerts()).containsExactly(alert);
    }

    @Property(tries = 100)
    void everyGeneratedValidAlertValidates(@ForAll("validAlert") Alert alert) {
        assertThat(VALIDATOR.validate(alert)).isEmpty();
        Decoded back = DECODER.decodeXml(XML.write(alert));
        assertThat(back.alerts()).containsExactly(alert);
        assertThat(VALIDATOR.validate(back.alerts().get(0))).isEmpty();
    }
}
