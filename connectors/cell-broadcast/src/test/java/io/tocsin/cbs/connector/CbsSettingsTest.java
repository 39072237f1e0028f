package io.tocsin.cbs.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tocsin.cap.Urgency;
import io.tocsin.cbs.GeoScope;
import io.tocsin.connector.ConnectorFactory;
import java.time.Instant;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CbsSettingsTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void readsTheDocumentedShapeWithDefaults() throws Exception {
        CbsSettings s = CbsSettings.from(json("{'carrier':'cmcc','endpoints':[{'url':'http://a:1/','rate_per_second':5,"
                + "'max_in_flight':2},'http://b:2'],'repetition':{'immediate_s':30,'unit_seconds':1.883}}"));
        assertThat(s.carrier()).isEqualTo("cmcc");
        assertThat(s.cbeName()).isEqualTo("tocsin");
        assertThat(s.endpoints()).extracting(EndpointSettings::name).containsExactly("primary", "secondary");
        assertThat(s.endpoints().get(0).url().toString()).isEqualTo("http://a:1");
        assertThat(s.endpoints().get(0).maxInFlight()).isEqualTo(2);
        assertThat(s.maxPages()).isEqualTo(15);
        assertThat(s.cellGeoScope()).isEqualTo(GeoScope.CELL_WIDE);
        assertThat(s.repetition().repetitionPeriod(Urgency.Immediate)).isEqualTo(16); // 30 s / 1.883 s
        assertThat(s.repetition().repetitionPeriod(Urgency.Expected)).isEqualTo(96);
    }

    @Test
    void namesTheBadSetting() {
        assertThatThrownBy(() -> CbsSettings.from(json("{'endpoints':['http://a:1']}"))).hasMessageContaining("carrier");
        assertThatThrownBy(() -> CbsSettings.from(json("{'carrier':'x','endpoints':[]}"))).hasMessageContaining("endpoints");
        assertThatThrownBy(() -> CbsSettings.from(json("{'carrier':'x','endpoints':['ftp://a']}"))).hasMessageContaining("endpoints[0].url");
        assertThatThrownBy(() -> CbsSettings.from(json("{'carrier':'x','endpoints':['http://a:1'],'max_pages':16}"))).hasMessageContaining("max_pages");
        assertThatThrownBy(() -> CbsSettings.from(json("{'carrier':'x','endpoints':['http://a:1'],'category':'urgent'}"))).hasMessageContaining("category");
        assertThatThrownBy(() -> CbsSettings.from(json("{'carrier':'x','endpoints':['http://a:1'],'update_mode':'put'}"))).hasMessageContaining("update_mode");
    }

    @Test
    void broadcastsCoverTheTimeUntilExpiry() {
        RepetitionSettings r = RepetitionSettings.DEFAULT;
        Instant now = Instant.parse("2026-11-29T00:00:00Z");
        assertThat(r.broadcasts(Urgency.Immediate, now.plusSeconds(3600), now)).isEqualTo(60);
        assertThat(r.broadcasts(Urgency.Immediate, now.plusSeconds(3601), now)).isEqualTo(61);
        assertThat(r.broadcasts(Urgency.Expected, now.plusSeconds(3600), now)).isEqualTo(20);
        assertThat(r.broadcasts(Urgency.Immediate, null, now)).isZero(); // until deleted
        assertThat(r.broadcasts(Urgency.Immediate, now, now)).isEqualTo(-1);
        assertThat(r.broadcasts(Urgency.Immediate, now.plusSeconds(10_000_000), now)).isEqualTo(65535);
        assertThat(new RepetitionSettings(60, 180, 600, false, 5, 1).broadcasts(Urgency.Immediate, now.plusSeconds(3600), now)).isEqualTo(5);
    }

    @Test
    void theFactoryIsFoundThroughServiceLoader() {
        assertThat(ServiceLoader.load(ConnectorFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(f -> assertThat(f.type()).isEqualTo("ecbe"));
    }
}
