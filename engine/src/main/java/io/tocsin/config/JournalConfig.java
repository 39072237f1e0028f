package io.tocsin.config;

/**
 * Where the journal lives and how hard it tries to survive power loss. Immutable.
 *
 * @param dir   directory of the journal (created if missing); relative paths resolve against the base directory
 * @param fsync when true every acknowledged append is forced to disk (covers power loss, costs throughput);
 *              a process crash never loses an acknowledged alert either way
 * @param minFreeBytes free space kept on the journal's disk (default 64 MiB): below it new alerts get 503 with
 *              Retry-After, so the rest is a reserve for the alerts already accepted; 0 turns the guard off
 */
public record JournalConfig(String dir, Boolean fsync, Long minFreeBytes) {

    public JournalConfig {
        dir = dir == null ? "data/journal" : dir;
        fsync = fsync != null && fsync;
        minFreeBytes = minFreeBytes == null ? io.tocsin.journal.FreeSpaceGuard.DEFAULT_MIN_FREE_BYTES : minFreeBytes;
    }

    public JournalConfig(String dir, Boolean fsync) {
        this(dir, fsync, null);
    }

    public static JournalConfig defaults() {
        return new JournalConfig(null, null, null);
    }

    /** The same journal with another free-space reserve. */
    public JournalConfig withMinFreeBytes(long bytes) {
        return new JournalConfig(dir, fsync, bytes);
    }

    void check(ConfigChecks checks, String path) {
        checks.notBlank(dir, path + ".dir");
        checks.require(minFreeBytes >= 0, path + ".minFreeBytes", "must be >= 0");
    }
}
