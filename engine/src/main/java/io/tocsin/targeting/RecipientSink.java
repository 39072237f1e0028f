package io.tocsin.targeting;

import java.util.List;

/**
 * Receives recipients as targeting finds them, in batches, so the first dispatch need not wait for a
 * city-wide set. Called on the resolving thread; each recipient appears once per resolution.
 */
@FunctionalInterface
public interface RecipientSink {
    void accept(List<Recipient> batch);
}
