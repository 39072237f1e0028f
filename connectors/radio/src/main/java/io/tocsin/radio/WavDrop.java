package io.tocsin.radio;

import io.tocsin.audio.Pcm;
import io.tocsin.audio.Wav;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a message as a WAV file into a transmitter's drop folder (atomically: playout software watching the
 * folder never sees half a file). Stateless and thread-safe.
 */
final class WavDrop {

    private WavDrop() {
    }

    /** {@code <alert>-<dispatch>-<airing>.wav}: each repeat is a new file, so a folder watcher airs it again. */
    static Path fileFor(Path dir, String alertId, long dispatchId, int round) {
        return dir.resolve(safe(alertId) + "-" + dispatchId + "-" + round + ".wav");
    }

    static OutputResult write(Path dir, String alertId, long dispatchId, int round, Pcm pcm, AiringControl control) {
        if (control.stopped()) {
            return OutputResult.of(OutputResult.Kind.STOPPED, "stopped before writing");
        }
        Path file = fileFor(dir, alertId, dispatchId, round);
        try {
            Wav.writeFile(pcm, file);
            control.accepted(file.toString());
            return OutputResult.done("written " + file);
        } catch (IOException e) {
            return OutputResult.of(OutputResult.Kind.REFUSED, "cannot write " + file + ": " + e);
        }
    }

    /** File-name-safe form of an id (CAP identifiers may hold ':' and '/'). */
    static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
