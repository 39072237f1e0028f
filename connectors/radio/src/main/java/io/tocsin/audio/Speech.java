package io.tocsin.audio;

/**
 * The result of one text-to-speech run: the samples, or (when {@code pcm} is null) the reason it failed.
 * Immutable.
 */
public record Speech(Pcm pcm, String error) {

    public static Speech of(Pcm pcm) {
        return new Speech(pcm, null);
    }

    public static Speech failed(String error) {
        return new Speech(null, error);
    }

    public boolean ok() {
        return pcm != null;
    }
}
