package io.tocsin.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs espeak-ng as a process: {@code espeak-ng -v VOICE -w OUT.wav --stdin}, text on standard input as
 * UTF-8 (no shell, no length limit on the command line). Thread-safe: each call has its own process and
 * temporary file.
 */
public final class EspeakSynthesizer implements SpeechSynthesizer {

    private final String command;
    private final Duration timeout;

    public EspeakSynthesizer(String command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
    }

    @Override
    public Speech speak(String text, String voice) {
        Path wav = null;
        Path log = null;
        Process p = null;
        try {
            wav = Files.createTempFile("tocsin-tts-", ".wav");
            log = Files.createTempFile("tocsin-tts-", ".log");
            p = new ProcessBuilder(List.of(command, "-v", voice, "-w", wav.toString(), "--stdin"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Speech.failed(command + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                return Speech.failed(command + " -v " + voice + " exited " + p.exitValue() + ": "
                        + Files.readString(log, StandardCharsets.UTF_8).trim());
            }
            return Speech.of(Wav.read(Files.readAllBytes(wav)));
        } catch (IOException e) {
            return Speech.failed("text-to-speech unavailable (" + command + "): " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return Speech.failed(command + " wrote an unreadable WAV: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Speech.failed("interrupted while speaking");
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            delete(wav);
            delete(log);
        }
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
