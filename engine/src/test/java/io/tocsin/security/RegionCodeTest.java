package io.tocsin.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionCodeTest {

    @Test
    void aCityCoversItsDistrictsAndTheirTowns() {
        assertThat(RegionCode.covers("440100", "440106000000")).isTrue();
        assertThat(RegionCode.covers("440100000000", "440106012000")).isTrue();
        assertThat(RegionCode.covers("440106", "440106012000")).isTrue();
        assertThat(RegionCode.covers("440106", "440106")).isTrue();
    }

    @Test
    void aDistrictDoesNotCoverItsCityOrItsNeighbours() {
        assertThat(RegionCode.covers("440106", "440100000000")).isFalse();
        assertThat(RegionCode.covers("440106", "440103000000")).isFalse();
        // 440110 must not be read as the prefix "44011" that would also match 440112/440113.
        assertThat(RegionCode.covers("440110", "440112000000")).isFalse();
        assertThat(RegionCode.covers("440110", "440110000000")).isTrue();
    }

    @Test
    void prefixesFollowTheTwoTwoTwoThreeThreeGroups() {
        assertThat(RegionCode.prefixOf("440000000000")).isEqualTo("44");
        assertThat(RegionCode.prefixOf("440100000000")).isEqualTo("4401");
        assertThat(RegionCode.prefixOf("440106012000")).isEqualTo("440106012");
        assertThat(RegionCode.prefixOf("440106012")).isEqualTo("440106012");
        assertThat(RegionCode.prefixOf("0060370")).isNull();
    }

    @Test
    void otherCodeSystemsMatchOnlyThemselves() {
        assertThat(RegionCode.covers("TXZ211", "TXZ211")).isTrue();
        assertThat(RegionCode.covers("TXZ211", "TXZ212")).isFalse();
        assertThat(RegionCode.covers("0060370", "0060370")).isTrue();
    }
}
