package io.tocsin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GeographyTest {

    /** The shared corpus: {@code tocsin.shared}, else /work/shared. */
    static Path corpusGeo() {
        String shared = System.getProperty("tocsin.shared", "../shared");
        Path p = Path.of(shared, "corpus", "geo", "guangzhou-districts.normalized.geojson");
        return Files.exists(p) ? p : Path.of("/work/shared/corpus/geo/guangzhou-districts.normalized.geojson");
    }

    @Test
    void guangzhouDistrictsLoadSimplifiedWithCodesAndNames() throws Exception {
        Path file = corpusGeo();
        assumeTrue(Files.exists(file), "shared corpus geo not found at " + file + "; skipping");
        long rawBytes = Files.size(file);

        Geography g = Geography.load(file, 0.003);

        assertThat(g.regions()).hasSize(11);
        assertThat(g.regions()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("440106");
            assertThat(r.nameZh()).isEqualTo("天河区");
            assertThat(r.nameEn()).isEqualTo("Tianhe District");
            assertThat(r.rings().get(0).length).isGreaterThan(4);
        });
        assertThat(g.json().substring(0, 40)).startsWith("{\"bbox\":[112.9");
        assertThat((long) g.json().length()).as("simplified for the page").isLessThan(rawBytes / 2);
        for (Geography.Region r : g.regions()) {
            double[][] ring = r.rings().get(0);
            for (int i = 1; i < ring.length; i++) {
                boolean same = ring[i][0] == ring[i - 1][0] && ring[i][1] == ring[i - 1][1];
                assertThat(same).as("no repeated point in %s at %d", r.code(), i).isFalse();
            }
        }
    }

    @Test
    void missingDirectoryGivesNoRegions() throws Exception {
        Geography g = Geography.load(Path.of("does-not-exist"), 0.01);
        assertThat(g.regions()).isEmpty();
        assertThat(g.json()).isEqualTo("{\"bbox\":[],\"regions\":[]}");
    }
}
