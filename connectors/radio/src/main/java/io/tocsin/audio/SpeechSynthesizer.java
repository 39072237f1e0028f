package io.tocsin.audio;

/**
 * Text to speech. Implementations must be thread-safe; a failure is a {@link Speech#failed} value, never an
 * exception (the message then goes out with tones only).
 */
public interface SpeechSynthesizer {

    /** Speaks {@code text} with {@code voice} (an espeak-ng voice name such as {@code cmn}, {@code yue}, {@code en}). */
    Speech speak(String text, String voice);

    /** A synthesizer that has no voice at all (tones-only installations). */
    static SpeechSynthesizer none(String why) {
        return (text, voice) -> Speech.failed(why);
    }
}
