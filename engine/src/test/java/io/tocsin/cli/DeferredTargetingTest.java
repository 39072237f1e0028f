package io.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tocsin.config.GeographyConfig;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class DeferredTargetingTest {

    @TempDir
    Path dir;

    @Test
    void aGeographyThatCannotBeLoadedFailsWhoeverAsksForIt() {
        DeferredTargeting d = DeferredTargeting.load(new GeographyConfig("missing.geojson", null, null, null, null,
                null), dir);

        assertThatThrownBy(d::targeting).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> d.shapeOf("440106")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void theLoadedGeographyAnswersShapesAndResolution() {
        Path root = Path.of(System.getProperty("tocsin.root", "..")).toAbsolutePath().normalize();
        Path regions = root.resolve("config/geo/guangzhou-districts.geojson");
        Assumptions.assumeTrue(Files.exists(regions), "no shipped geography at " + regions);
        DeferredTargeting d = DeferredTargeting.load(new GeographyConfig(regions.toString(), null, null, null, null,
                JsonNodeFactory.instance.objectNode().put("subscribers", 1000).put("cells", 50)), dir);

        assertThat(d.shapeOf("440106")).isPresent();
        assertThat(d.targeting().directory().size()).isEqualTo(1000);

        // the whole-area part goes through the loaded resolver's fast path: no directory walk, recipients -1
        java.util.List<io.tocsin.cap.Area> tianhe = java.util.List.of(new io.tocsin.cap.Area("Tianhe", java.util.List.of(),
                java.util.List.of(), java.util.List.of(new io.tocsin.cap.NamedValue("CPEAS Geographic Code", "440106000000")),
                null, null));
        io.tocsin.targeting.Resolution areas = d.resolveAreas(tianhe, io.tocsin.targeting.Audience.PUBLIC);
        assertThat(areas.recipients()).isEqualTo(-1);
        assertThat(d.resolve(tianhe, io.tocsin.targeting.Audience.PUBLIC, batch -> { }).recipients()).isPositive();
    }
}
