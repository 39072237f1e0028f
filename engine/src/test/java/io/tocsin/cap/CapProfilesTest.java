package io.tocsin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Profiles on real files: the expectations the corpus README takes from google/cap-library's tests. */
class CapProfilesTest {
    private static final CapDecoder DECODER = new CapDecoder();

    private static List<Reason> errors(String corpusPath, String profile) {
        Alert a = DECODER.decodeXml(CorpusFiles.read(corpusPath)).alerts().get(0);
        return new CapValidator(List.of(CapProfiles.byName(profile).orElseThrow())).validate(a).stream()
                .filter(Reason::isError).toList();
    }

    static byte[] typhoonRed() throws IOException {
        String root = System.getProperty("tocsin.root", ".");
        Path p = Path.of(root, "config/demo/typhoon-red.xml");
        if (!Files.exists(p)) {
            p = Path.of("../config/demo/typhoon-red.xml");
        }
        return Files.readAllBytes(p);
    }

    @Test
    void canadaPassesCapCpButFailsIpaws() {
        assertThat(errors("google-cap-library/testdata/canada.cap", "cap-cp")).isEmpty();
        assertThat(errors("google-cap-library/testdata/canada.cap", "ipaws")).extracting(Reason::code)
                .contains("IPAWS_CODE");
    }

    @Test
    void plainEarthquakeFailsCapCp() {
        assertThat(errors("google-cap-library/testdata/earthquake.cap", "cap-cp")).extracting(Reason::code)
                .contains("CAPCP_CODE", "CAPCP_EVENT");
    }

    @Test
    void realIpawsMessagePassesIpaws() {
        assertThat(errors("oasiscap/fixtures/ipaws-5e6dd964023f1930ef638846.xml", "ipaws")).isEmpty();
    }

    @Test
    void demoTyphoonAlertValidatesCleanlyUnderTheChinaProfile() throws IOException {
        Decoded d = DECODER.decodeXml(typhoonRed());
        assertThat(d.reasons()).isEmpty();
        CapValidator china = new CapValidator(List.of(new ChinaCpeasProfile()));
        assertThat(china.validate(d.alerts().get(0))).isEmpty();
    }

    @Test
    void chinaProfileNeedsCpeasGeocodesOfTwelveDigitsAndAZhCnBlock() throws IOException {
        String xml = new String(typhoonRed(), StandardCharsets.UTF_8);
        CapValidator china = new CapValidator(List.of(new ChinaCpeasProfile()));

        String badCode = xml.replaceFirst("440115000000", "44011500");
        assertThat(china.validate(DECODER.decodeXml(badCode.getBytes(StandardCharsets.UTF_8)).alerts().get(0)))
                .singleElement().satisfies(r -> {
                    assertThat(r.code()).isEqualTo("CPEAS_GEOCODE");
                    assertThat(r.path()).isEqualTo("/alert/info[0]/area[0]/geocode[0]/value");
                });

        String badProvince = xml.replaceFirst("440115000000", "990115000000");
        assertThat(china.validate(DECODER.decodeXml(badProvince.getBytes(StandardCharsets.UTF_8)).alerts().get(0)))
                .extracting(Reason::code).containsExactly("CPEAS_GEOCODE");

        String noZh = xml.replace("<language>zh-CN</language>", "<language>en-GB</language>");
        assertThat(china.validate(DECODER.decodeXml(noZh.getBytes(StandardCharsets.UTF_8)).alerts().get(0)))
                .extracting(Reason::code).containsExactlyInAnyOrder("CPEAS_LANGUAGE", "CPEAS_ZH_CN");

        String otherGeocode = xml.replace("CPEAS Geographic Code", "GB2260");
        assertThat(china.validate(DECODER.decodeXml(otherGeocode.getBytes(StandardCharsets.UTF_8)).alerts().get(0)))
                .extracting(Reason::code).containsOnly("CPEAS_GEOCODE_REQUIRED");
    }

    @Test
    void gbt35965IdentifiersAreAcceptedAsTheyAre() {
        assertThat(ChinaCpeasProfile.gbt35965Identifier("44010041600000_20261129093000_1")).isTrue();
        assertThat("44010041600000_20261129093000_1").hasSize(31);
        assertThat(CapValidator.plainToken("44010041600000_20261129093000_1", true)).isTrue();
        assertThat(ChinaCpeasProfile.gbt35965Identifier("KSTO1055887203")).isFalse();
    }

    @Test
    void profilesAreFoundByNameAndAlias() {
        assertThat(CapProfiles.byName("IPAWS")).get().extracting(CapProfile::title).isEqualTo("IPAWS v1.0");
        assertThat(CapProfiles.byName("cpeas")).get().isInstanceOf(ChinaCpeasProfile.class);
        assertThat(CapProfiles.byName("canada")).get().isInstanceOf(CanadianProfile.class);
        assertThat(CapProfiles.byName("atlantis")).isEmpty();
    }
}
