package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmppSettingsReaderTest {

    private static SmppSettings read(String json) throws Exception {
        return SmppSettingsReader.read(new ObjectMapper().readTree(json), "sms");
    }

    @Test
    void fullShapeReadsWithEveryField() throws Exception {
        SmppSettings s = read("{\"default_language\":\"en\",\"source_address\":\"95500\",\"source_ton\":5,"
                + "\"source_npi\":0,\"concatenation\":\"sar\",\"max_segments\":6,\"enquire_link_seconds\":15,"
                + "\"reconnect\":{\"initial_ms\":100,\"max_ms\":1000},\"receipt_timeout_seconds\":60,"
                + "\"carriers\":[{\"name\":\"cmcc\",\"account_tps\":2000,\"prefixes\":[\"86134\"],\"binds\":["
                + "{\"host\":\"10.1.1.1\",\"port\":2775,\"system_id\":\"tocsin\",\"password\":\"pw\","
                + "\"bind_type\":\"transmitter+receiver\",\"window\":32,\"tps\":500,\"count\":4}]}]}");
        assertThat(s.defaultLanguage()).isEqualTo("en");
        assertThat(s.sourceAddress()).isEqualTo("95500");
        assertThat(s.sourceTon()).isEqualTo((byte) 5);
        assertThat(s.concatenation()).isEqualTo(SmppSettings.Concatenation.SAR);
        assertThat(s.maxSegments()).isEqualTo(6);
        assertThat(s.enquireLink()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.reconnectMax()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.receiptTimeout()).isEqualTo(Duration.ofSeconds(60));
        CarrierSettings c = s.carriers().get(0);
        assertThat(c.binds()).hasSize(4);
        assertThat(c.binds().get(3).mode()).isEqualTo(BindSettings.BindMode.TRANSMITTER_RECEIVER);
        assertThat(c.ceilingTps()).isEqualTo(2000);
    }

    @Test
    void defaultsUseTheNationalShortCodeAndChinese() throws Exception {
        SmppSettings s = read("{\"carrier\":\"cmcc\",\"binds\":[{\"port\":2775,\"system_id\":\"x\"}]}");
        assertThat(s.sourceAddress()).isEqualTo("12379");
        assertThat(s.defaultLanguage()).isEqualTo("zh-CN");
        assertThat(s.concatenation()).isEqualTo(SmppSettings.Concatenation.UDH);
        assertThat(s.carriers()).singleElement().extracting(CarrierSettings::name).isEqualTo("cmcc");
        assertThat(s.carriers().get(0).binds().get(0).mode()).isEqualTo(BindSettings.BindMode.TRANSCEIVER);
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> read("{}")).hasMessageContaining("carriers");
        assertThatThrownBy(() -> read("{\"binds\":[{\"port\":0,\"system_id\":\"x\"}]}"))
                .hasMessageContaining("binds[0].port");
        assertThatThrownBy(() -> read("{\"binds\":[{\"port\":1,\"system_id\":\"x\",\"bind_type\":\"rx\"}]}"))
                .hasMessageContaining("bind_type");
        assertThatThrownBy(() -> read("{\"binds\":[{\"port\":1,\"system_id\":\"a-very-long-system-id\"}]}"))
                .hasMessageContaining("system_id");
        assertThatThrownBy(() -> read("{\"concatenation\":\"x\",\"binds\":[{\"port\":1,\"system_id\":\"x\"}]}"))
                .hasMessageContaining("concatenation");
        assertThatThrownBy(() -> read("{\"carriers\":[{\"name\":\"a\",\"binds\":[{\"port\":1,\"system_id\":\"x\"}]},"
                + "{\"name\":\"A\",\"binds\":[{\"port\":1,\"system_id\":\"x\"}]}]}")).hasMessageContaining("duplicate");
    }

    @Test
    void statusPolicyMapsThrottlingTransientAndPermanentExplicitly() {
        assertThat(StatusPolicy.of(0x58)).isEqualTo(StatusPolicy.THROTTLE);
        assertThat(StatusPolicy.of(0x14)).isEqualTo(StatusPolicy.THROTTLE);
        assertThat(StatusPolicy.of(0x08)).isEqualTo(StatusPolicy.TRANSIENT);
        assertThat(StatusPolicy.of(0x0B)).isEqualTo(StatusPolicy.PERMANENT);
        assertThat(StatusPolicy.of(0x62)).isEqualTo(StatusPolicy.PERMANENT);
        assertThat(StatusPolicy.hex(0x58)).isEqualTo("0x58");
    }
}
