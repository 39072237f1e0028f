package io.tocsin.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real SAME decoder, {@code multimon-ng -a EAS -t wav FILE}, and returns what it printed. */
public final class Multimon {

    private Multimon() {
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/multimon-ng")) && Files.isExecutable(Path.of("/usr/bin/sox"));
    }

    /** The EAS lines decoded from a WAV file, without the {@code EAS:} prefix, in order. */
    public static List<String> decode(Path wav) throws IOException, InterruptedException {
        Path out = Files.createTempFile("multimon-", ".txt");
        try {
            Process p = new ProcessBuilder("multimon-ng", "-q", "-a", "EAS", "-t", "wav", wav.toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("multimon-ng did not finish");
            }
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                String t = line.trim();
                if (t.startsWith("EAS:")) {
                    lines.add(t.substring(4).trim());
                }
            }
            return lines;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
