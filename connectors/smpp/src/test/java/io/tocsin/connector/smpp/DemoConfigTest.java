package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tocsin.connector.ConnectorFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DemoConfigTest {

    @Test
    void factoryIsRegisteredAsSmppForSms() {
        assertThat(ServiceLoader.load(ConnectorFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals("smpp")).findFirst()).hasValueSatisfying(f ->
                assertThat(f.kind().name()).isEqualTo("SMS"));
    }

    @Test
    void demoConfigDeclaresThreeCappedCarriersFromTheNationalShortCode() throws Exception {
        Path demo = Path.of(System.getProperty("tocsin.root", "../.."), "config/demo.yaml");
        Assumptions.assumeTrue(Files.exists(demo), "config/demo.yaml not found at " + demo);
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(demo.toFile());
        JsonNode sms = null;
        for (JsonNode c : root.get("connectors")) {
            if ("smpp".equals(c.path("type").asText())) {
                sms = c;
            }
        }
        assertThat(sms).isNotNull();
        SmppSettings settings = SmppSettingsReader.read(sms.get("settings"), sms.get("name").asText());
        assertThat(settings.sourceAddress()).isEqualTo("12379");
        assertThat(settings.carriers()).extracting(CarrierSettings::name).containsExactly("cmcc", "cucc", "ctcc");
        // the demo's caps are tuned with the demo (04e2287: account caps, two binds of eight in flight per carrier)
        assertThat(settings.carriers()).allSatisfy(c -> {
            assertThat(c.binds()).isNotEmpty();
            assertThat(c.accountTps()).isPositive();
        });
    }
}
