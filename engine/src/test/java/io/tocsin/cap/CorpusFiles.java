package io.tocsin.cap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds {@code ../shared/corpus/cap} (system property {@code tocsin.shared}, else /work/shared) and its manifest. */
final class CorpusFiles {
    record Row(String path, String capVersion, String expected, String notes) {
    }

    private CorpusFiles() {
    }

    static Path capDir() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("tocsin.shared");
        if (prop != null) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("/work/shared"));
        for (Path p : candidates) {
            Path cap = p.resolve("corpus/cap");
            if (Files.isRegularFile(cap.resolve("MANIFEST.tsv"))) {
                return cap;
            }
        }
        assumeTrue(false, "CAP corpus not found (tried " + candidates + "); skipping");
        return null;
    }

    static List<Row> manifest() {
        Path dir = capDir();
        try {
            List<Row> rows = new ArrayList<>();
            List<String> lines = Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Row(f[0], f[2], f[3], f[8]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(String relative) {
        try {
            return Files.readAllBytes(capDir().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
