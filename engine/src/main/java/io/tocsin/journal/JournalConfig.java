package io.tocsin.journal;

/**
 * Journal settings.
 *
 * @param fsync        force every append to the device (survives power loss; slower). Without it an append survives
 *                     a process crash (the queue is a memory-mapped file) but not a power cut before the OS writes back.
 * @param minFreeBytes free space kept on the journal's disk: below it new alerts are refused (SATURATED, HTTP 503
 *                     with Retry-After) so what is left serves the alerts already accepted; 0 = no guard
 */
public record JournalConfig(boolean fsync, long minFreeBytes) {

    public JournalConfig {
        if (minFreeBytes < 0) {
            throw new IllegalArgumentException("minFreeBytes must be >= 0: " + minFreeBytes);
        }
    }

    /** With the default reserve ({@link FreeSpaceGuard#DEFAULT_MIN_FREE_BYTES}). */
    public JournalConfig(boolean fsync) {
        this(fsync, FreeSpaceGuard.DEFAULT_MIN_FREE_BYTES);
    }

    public static JournalConfig defaults() {
        return new JournalConfig(false);
    }
}
