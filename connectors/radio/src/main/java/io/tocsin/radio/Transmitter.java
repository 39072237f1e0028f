package io.tocsin.radio;

import java.nio.file.Path;

/**
 * A radio transmitter's emergency input: an Icecast mount, a drop folder for WAV files, or both. A
 * {@code testOutput} takes only Exercise and Test alerts (and never an Actual one); every other transmitter
 * takes only Actual alerts. Immutable.
 */
public record Transmitter(String id, IcecastMount icecast, Path dropDir, boolean testOutput) {

    public Transmitter {
        if (icecast == null && dropDir == null) {
            throw new IllegalArgumentException("transmitters." + id + " needs icecast and/or dropDir");
        }
    }
}
