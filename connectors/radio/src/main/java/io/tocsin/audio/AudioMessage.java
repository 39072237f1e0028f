package io.tocsin.audio;

import java.util.List;

/**
 * The finished audio of one alert: its SAME headers, the samples (null when no header could be built), what
 * was spoken, and the problems met (unmapped geocodes, text-to-speech failures). Immutable once built.
 */
public record AudioMessage(List<SameHeader> headers, Pcm pcm, List<SpokenPart> spoken, List<String> problems) {

    public AudioMessage {
        headers = List.copyOf(headers);
        spoken = List.copyOf(spoken);
        problems = List.copyOf(problems);
    }

    /** One language's spoken text and whether it made it into the audio. */
    public record SpokenPart(String language, String voice, String text, boolean spoken) {
    }

    public boolean ok() {
        return pcm != null;
    }

    /** True when some text could not be spoken and the message carries tones only (or fewer languages). */
    public boolean speechMissing() {
        return spoken.stream().anyMatch(p -> !p.spoken());
    }
}
