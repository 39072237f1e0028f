package io.tocsin.bench.cap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's red typhoon warning ({@code config/demo/typhoon-red.xml}, ~3 KB, zh-CN + en-US, geocodes, no
 * polygon): the body the HTTP ingest load ({@code IngestLoad}) posts, so the benchmarks can price exactly what
 * each POST costs the I/O threads. Read from the working directory (run from the repository root).
 */
final class DemoAlert {
    static final Path PATH = Path.of("config/demo/typhoon-red.xml");

    private DemoAlert() {
    }

    static byte[] bytes() {
        try {
            return Files.readAllBytes(PATH);
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository root: " + PATH.toAbsolutePath() + " is missing", e);
        }
    }
}
