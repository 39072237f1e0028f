package io.tocsin.targeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tocsin.cap.Area;
import io.tocsin.cap.NamedValue;
import io.tocsin.config.GeographyConfig;
import io.tocsin.targeting.directory.DirectoryFiles;
import io.tocsin.targeting.directory.SubscriberDirectory;
import io.tocsin.targeting.sites.CellSite;
import io.tocsin.targeting.sites.SiteFiles;
import io.tocsin.targeting.sites.Transmitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryAndSiteFilesTest {
    private static final Area TIANHE = new Area("Tianhe", null, null,
            List.of(new NamedValue("CPEAS Geographic Code", "440106000000")), null, null);

    @Test
    void binaryAndCsvRoundTripKeepEverySubscriber(@TempDir Path dir) throws IOException {
        SubscriberDirectory d = TestWorld.demo().directory();
        Path bin = dir.resolve("dir.bin");
        Path csv = dir.resolve("dir.csv");
        DirectoryFiles.writeBinary(d, bin);
        DirectoryFiles.writeCsv(d, csv);
        SubscriberDirectory fromBin = DirectoryFiles.load(bin, d.regionCodes());
        SubscriberDirectory fromCsv = DirectoryFiles.load(csv, d.regionCodes());
        for (SubscriberDirectory e : List.of(fromBin, fromCsv)) {
            assertThat(e.size()).isEqualTo(d.size());
            for (int i = 0; i < d.size(); i += 997) {
                assertThat(e.msisdn(i)).isEqualTo(d.msisdn(i));
                assertThat(e.latE7(i)).isEqualTo(d.latE7(i));
                assertThat(e.lonE7(i)).isEqualTo(d.lonE7(i));
                assertThat(e.carrier(i)).isEqualTo(d.carrier(i));
                assertThat(e.language(i)).isEqualTo(d.language(i));
                assertThat(e.groups(i)).isEqualTo(d.groups(i));
                assertThat(e.regionCode(i)).isEqualTo(d.regionCode(i));
            }
        }
        assertThat(d.heapBytes() / (double) d.size()).isLessThan(40);
    }

    @Test
    void malformedCsvLineIsReportedWithItsLineNumber(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "msisdn,carrier,lat,lon,language,groups,region\n13800000000,cmcc,23.1,113.3,zh-CN,,440106\nx,cmcc,1,2\n");
        assertThatThrownBy(() -> DirectoryFiles.readCsv(csv, List.of("440106"))).hasMessageContaining(":3:");
    }

    @Test
    void configuredFilesBuildTheSameTargetingAsTheGenerators(@TempDir Path dir) throws IOException {
        Targeting demo = TestWorld.demo();
        DirectoryFiles.writeBinary(demo.directory(), dir.resolve("directory.bin"));
        SiteFiles.writeCells(demo.sites().cells(), dir.resolve("cells.csv"));
        List<Transmitter> txs = demo.sites().transmitters();
        SiteFiles.writeTransmitters(txs.stream().filter(t -> t.kind() == Transmitter.Kind.RADIO).toList(), dir.resolve("fm.csv"));
        SiteFiles.writeTransmitters(txs.stream().filter(t -> t.kind() == Transmitter.Kind.TV).toList(), dir.resolve("tv.csv"));
        Path regions = TestWorld.configGeo().resolve("guangzhou-districts.geojson").toAbsolutePath();
        ObjectNode settings = JsonNodeFactory.instance.objectNode().put("batchSize", 500);
        Targeting loaded = TargetingLoader.load(new GeographyConfig(regions.toString(), "directory.bin", "cells.csv",
                "fm.csv", "tv.csv", settings), dir);

        Resolution a = demo.resolver().resolve(List.of(TIANHE), Audience.PUBLIC, b -> { });
        Resolution b = loaded.resolver().resolve(List.of(TIANHE), Audience.PUBLIC, batch -> assertThat(batch.size()).isLessThanOrEqualTo(500));
        assertThat(b.recipients()).isEqualTo(a.recipients());
        assertThat(b.cellsByCarrier()).isEqualTo(a.cellsByCarrier());
        assertThat(b.transmitters()).isEqualTo(a.transmitters());
        assertThat(b.stations()).isEqualTo(a.stations());
        assertThat(b.sameCodes()).containsExactly("044106");
        List<CellSite> cells = SiteFiles.readCells(dir.resolve("cells.csv"));
        assertThat(cells).isEqualTo(demo.sites().cells());
    }

    @Test
    void syntheticDefaultsNeedOnlyTheRegions(@TempDir Path dir) throws IOException {
        Path regions = TestWorld.configGeo().resolve("guangzhou-districts.geojson").toAbsolutePath();
        ObjectNode settings = JsonNodeFactory.instance.objectNode().put("subscribers", 20_000).put("cells", 300);
        Targeting t = TargetingLoader.load(new GeographyConfig(regions.toString(), null, null, null, null, settings), dir);
        assertThat(t.directory().size()).isEqualTo(20_000);
        assertThat(t.sites().cells()).hasSizeBetween(250, 350);
        assertThat(t.sites().transmitters()).extracting(Transmitter::id).contains("FM-MAIN", "TV-MAIN");
        assertThat(t.resolver().resolve(List.of(TIANHE), Audience.PUBLIC, b -> { }).recipients()).isPositive();
    }
}
