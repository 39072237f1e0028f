package io.tocsin.journal;

/**
 * Journal settings.
 *
 * @param fsync  force every append to the device (survives power loss; slower). Without it an append survives
 *               a process crash (the queue is a memory-mapped file) but not a power cut before the OS writes back.
 */
public record JournalConfig(boolean fsync) {

    public static JournalConfig defaults() {
        return new JournalConfig(false);
    }
}
